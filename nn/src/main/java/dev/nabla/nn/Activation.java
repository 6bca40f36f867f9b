package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import java.util.function.UnaryOperator;

/**
 * Activation functions as modules, named and printed as PyTorch's ({@code ReLU()},
 * {@code LeakyReLU(negative_slope=0.01)}, {@code Softmax(dim=1)}). Each applies to an input of any
 * shape (softmax and log-softmax along {@code dim}) and returns that shape; each is composed from
 * {@link Tensor} operations, so gradients follow. No settings change between training and
 * evaluation mode.
 */
public final class Activation extends Module {
    private static final String RELU = "ReLU";
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);

    private final String type;
    private final String settings;
    private final UnaryOperator<Tensor> fn;

    private Activation(String type, String settings, UnaryOperator<Tensor> fn) {
        this.type = type;
        this.settings = settings;
        this.fn = fn;
    }

    /** {@code max(x, 0)}, NaN staying NaN; the gradient at 0 is 0, at NaN 1 (as PyTorch's). */
    public static Activation relu() {
        return new Activation(RELU, "", Tensor::relu);
    }

    /** Whether {@code module} is a {@link #relu()}, which a {@link Sequential} fuses into a {@link Linear} before it. */
    static boolean isRelu(Module module) {
        return module instanceof Activation a && a.type.equals(RELU);
    }

    /** {@code x} for x &gt; 0, else {@code 0.01 x}. */
    public static Activation leakyRelu() {
        return leakyRelu(0.01);
    }

    /**
     * {@code x} for x &gt; 0, else {@code negativeSlope * x}; the gradient at 0 and at NaN is
     * negativeSlope, as PyTorch's.
     */
    public static Activation leakyRelu(double negativeSlope) {
        return new Activation("LeakyReLU", "negative_slope=" + Repr.number(negativeSlope),
                x -> Tensor.where(x.gt(0.0), x, x.mul(negativeSlope)));
    }

    /** ELU with alpha 1. */
    public static Activation elu() {
        return elu(1.0);
    }

    /**
     * {@code x} for x &gt; 0, else {@code alpha (exp(x) - 1)}; a NaN stays NaN, and so does its
     * gradient, as in PyTorch's vectorised kernel (its scalar loop, which takes the last elements of
     * some tensors, passes the gradient at NaN instead).
     */
    public static Activation elu(double alpha) {
        return new Activation("ELU", "alpha=" + Repr.number(alpha), x -> {
            Tensor positive = x.gt(0.0);
            // exp of 0 where x > 0: the branch where does not take must not overflow, or its zero
            // gradient times exp(x) = inf would be NaN
            Tensor negative = Tensor.where(positive, Tensor.scalar(0.0, x.dtype(), x.device()), x);
            return Tensor.where(positive, x, negative.exp().sub(1.0).mul(alpha));
        });
    }

    /** The exact GELU, {@code x Phi(x) = x (1 + erf(x / sqrt 2)) / 2}. */
    public static Activation gelu() {
        return gelu("none");
    }

    /**
     * GELU as PyTorch's {@code approximate} argument selects: {@code "none"} the exact form,
     * {@code "tanh"} {@code x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2}.
     *
     * @throws IllegalArgumentException for another value
     */
    public static Activation gelu(String approximate) {
        UnaryOperator<Tensor> fn = switch (approximate) {
            case "none" -> x -> x.mul(x.mul(SQRT_HALF).erf().add(1.0)).mul(0.5);
            case "tanh" -> x -> x.mul(x.mul(x).mul(x).mul(0.044715).add(x).mul(SQRT_TWO_OVER_PI).tanh().add(1.0))
                    .mul(0.5);
            default -> throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '"
                    + approximate + "'");
        };
        return new Activation("GELU", "approximate='" + approximate + "'", fn);
    }

    /** {@code x sigmoid(x)} (also called swish). */
    public static Activation silu() {
        return new Activation("SiLU", "", x -> x.mul(x.sigmoid()));
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public static Activation sigmoid() {
        return new Activation("Sigmoid", "", Tensor::sigmoid);
    }

    /** The hyperbolic tangent. */
    public static Activation tanh() {
        return new Activation("Tanh", "", Tensor::tanh);
    }

    /** {@code exp(x) / sum(exp(x))} along {@code dim} (negative counts from the end). */
    public static Activation softmax(int dim) {
        return new Activation("Softmax", "dim=" + dim, x -> x.softmax(dim));
    }

    /** {@code x - log(sum(exp(x)))} along {@code dim}. */
    public static Activation logSoftmax(int dim) {
        return new Activation("LogSoftmax", "dim=" + dim, x -> x.logSoftmax(dim));
    }

    @Override
    protected Tensor forward(Tensor x) {
        return fn.apply(x);
    }

    @Override
    protected String typeName() {
        return type;
    }

    @Override
    protected String extraRepr() {
        return settings;
    }
}
