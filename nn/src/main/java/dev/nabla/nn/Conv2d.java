package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Convolution;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.nn.init.Fans;
import dev.nabla.nn.init.Init;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;

/**
 * 2-D convolution layer, as PyTorch's {@code nn.Conv2d}: input {@code [N, inChannels, H, W]} (or
 * unbatched {@code [inChannels, H, W]}), output {@code [N, outChannels, OH, OW]}, weight
 * {@code [outChannels, inChannels / groups, KH, KW]}, bias {@code [outChannels]}. Stride, padding
 * (numbers, {@code "valid"} or {@code "same"}), dilation and groups come from {@link ConvOptions}:
 * <pre>{@code
 * new Conv2d(1, 6, 5, ConvOptions.DEFAULT.padding(2))      // nn.Conv2d(1, 6, 5, padding=2)
 * new Conv2d(3, 64, Size2.of(7), ConvOptions.DEFAULT.stride(2).padding(3), false)
 * }</pre>
 * Initialised as PyTorch does: weight and bias uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))}
 * with {@code fanIn = inChannels / groups * KH * KW} (Kaiming-uniform with a = sqrt(5)).
 */
public final class Conv2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final Size2 kernelSize;
    private final ConvOptions options;
    private final Tensor weight;
    private final Tensor bias;

    /** A square kernel, stride 1, no padding, with bias; F32 on the default device, from the global generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.DEFAULT);
    }

    /** A square kernel with {@code options}, with bias; F32 on the default device, from the global generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, Size2.of(kernelSize), options, true);
    }

    /** F32 on the default device, from the global generator. */
    public Conv2d(int inChannels, int outChannels, Size2 kernelSize, ConvOptions options, boolean bias) {
        this(inChannels, outChannels, kernelSize, options, bias, Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * @throws IllegalArgumentException if a channel count or kernel size is not positive, or the
     *                                  groups do not divide both channel counts
     */
    public Conv2d(int inChannels, int outChannels, Size2 kernelSize, ConvOptions options, boolean bias, Rng rng,
                  DType dtype, Device device) {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize.h() <= 0 || kernelSize.w() <= 0) {
            throw new IllegalArgumentException("Conv2d: channel counts and kernel size must be positive, got inChannels="
                    + inChannels + " outChannels=" + outChannels + " kernelSize=" + kernelSize);
        }
        int groups = options.groups();
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: inChannels=" + inChannels + " and outChannels=" + outChannels
                    + " must both be divisible by groups=" + groups);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.options = options;
        Shape weightShape = Shape.of(outChannels, inChannels / groups, kernelSize.h(), kernelSize.w());
        long fanIn = Fans.of(weightShape).fanIn();
        this.weight = registerParameter("weight", Init.fanInUniform(weightShape, fanIn, rng, dtype, device));
        this.bias = bias ? registerParameter("bias", Init.fanInUniform(Shape.of(outChannels), fanIn, rng, dtype,
                device)) : null;
    }

    /** The {@code [outChannels, inChannels / groups, KH, KW]} weight. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code [outChannels]} bias, or null for a layer without one. */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return Convolution.conv2d(x, weight, bias, options);
    }

    /** As PyTorch: {@code 1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2)}. */
    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels + ", kernel_size=" + kernelSize + ", " + options
                + (bias == null ? ", bias=False" : "");
    }
}
