package dev.nabla.nn.init;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/**
 * PyTorch's {@code torch.nn.init}: each method overwrites a tensor in place, outside the graph
 * (so parameters can be initialised while they require grad), draws from the given {@link Rng},
 * and returns the tensor. Weights are {@code [out, in]} (Linear) or {@code [out, in/groups, kh, kw]}
 * (convolution); see {@link Fans}.
 *
 * <pre>{@code
 * Init.kaimingNormal(conv.weight(), 0, FanMode.FAN_OUT, Nonlinearity.RELU, rng);
 * Init.zeros(conv.bias());
 * }</pre>
 */
public final class Init {
    private Init() {
    }

    /** The recommended gain of {@code nonlinearity}, with LeakyReLU's default slope 0.01. */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * The recommended gain: 1 for linear, convolutions and sigmoid, 5/3 for tanh, sqrt(2) for
     * ReLU, sqrt(2 / (1 + slope^2)) for LeakyReLU (param is the negative slope), 3/4 for SELU.
     *
     * @param param the negative slope of {@link Nonlinearity#LEAKY_RELU}; ignored by the others
     */
    public static double calculateGain(Nonlinearity nonlinearity, double param) {
        return switch (nonlinearity) {
            case LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D, SIGMOID -> 1;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + param * param));
            case SELU -> 3.0 / 4;
        };
    }

    /**
     * A new tensor of {@code shape} uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))}: PyTorch's
     * default initialisation of the weight and the bias of {@code Linear} and {@code Conv2d}, where
     * {@code kaiming_uniform_(weight, a=sqrt(5))} has the bound
     * {@code sqrt(3) * sqrt(2 / (1 + 5)) / sqrt(fanIn) = 1 / sqrt(fanIn)}, here written directly so it has
     * no rounding error in double either.
     */
    public static Tensor fanInUniform(Shape shape, long fanIn, Rng rng, DType dtype, Device device) {
        double bound = 1 / Math.sqrt(fanIn);
        return uniform(Tensor.zeros(shape, dtype, device), -bound, bound, rng);
    }

    /** Uniform in {@code [low, high)}. */
    public static Tensor uniform(Tensor t, double low, double high, Rng rng) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("uniform: need low <= high, got low=" + low + " high=" + high);
        }
        return overwrite(t, Tensor.rand(rng, t.shape(), t.dtype(), t.device()).mul(high - low).add(low));
    }

    /** Normal with mean {@code mean} and standard deviation {@code std}. */
    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal: std must be >= 0, got " + std);
        }
        return overwrite(t, Tensor.randn(rng, t.shape(), t.dtype(), t.device()).mul(std).add(mean));
    }

    /** {@code value} everywhere. */
    public static Tensor constant(Tensor t, double value) {
        return overwrite(t, Tensor.scalar(value, t.dtype(), t.device()));
    }

    /** 0 everywhere. */
    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    /** 1 everywhere. */
    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    /** Glorot uniform: bound {@code gain * sqrt(6 / (fanIn + fanOut))}. */
    public static Tensor xavierUniform(Tensor t, double gain, Rng rng) {
        Fans f = Fans.of(t.shape());
        double bound = gain * Math.sqrt(6.0 / (f.fanIn() + f.fanOut()));
        return uniform(t, -bound, bound, rng);
    }

    /** Glorot normal: std {@code gain * sqrt(2 / (fanIn + fanOut))}. */
    public static Tensor xavierNormal(Tensor t, double gain, Rng rng) {
        Fans f = Fans.of(t.shape());
        return normal(t, 0, gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut())), rng);
    }

    /**
     * He uniform: bound {@code sqrt(3) * gain / sqrt(fan)}, gain from
     * {@link #calculateGain(Nonlinearity, double) calculateGain(nonlinearity, a)}.
     *
     * @param a the negative slope of the LeakyReLU that follows (used with LEAKY_RELU only)
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Rng rng) {
        double bound = Math.sqrt(3.0) * kaimingStd(t, a, mode, nonlinearity);
        return uniform(t, -bound, bound, rng);
    }

    /** He normal: std {@code gain / sqrt(fan)}; see {@link #kaimingUniform}. */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Rng rng) {
        return normal(t, 0, kaimingStd(t, a, mode, nonlinearity), rng);
    }

    private static double kaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        long fan = Fans.of(t.shape()).get(mode); // 0 only for a weight without elements: nothing is drawn
        return calculateGain(nonlinearity, a) / Math.sqrt(fan);
    }

    private static Tensor overwrite(Tensor t, Tensor values) {
        try (GradMode.Scope s = GradMode.disable()) {
            t.copyFrom(values);
        }
        return t;
    }
}
