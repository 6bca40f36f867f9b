package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Convolve;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.tensor.spi.Window2d;

/**
 * 2-D convolution (PyTorch's {@code F.conv2d}, a cross-correlation): argument checks, the odd
 * zero of "same" padding, then the {@link Convolve} primitive.
 */
public final class Convolution {
    private Convolution() {
    }

    /** {@link #conv2d(Tensor, Tensor, Tensor, ConvOptions)} with stride 1, no padding, dilation 1, one group. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, ConvOptions.DEFAULT);
    }

    /**
     * {@code y[n, o] = bias[o] + sum over c in o's group, kh, kw of weight[o, c, kh, kw] *
     * x[n, c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW]}, zero outside the input.
     *
     * @param x       input {@code [N, C, H, W]}, or unbatched {@code [C, H, W]}
     * @param weight  {@code [O, C / groups, KH, KW]}
     * @param bias    {@code [O]}, or null for none
     * @param options stride, padding, dilation and groups
     * @return {@code [N, O, OH, OW]} (or {@code [O, OH, OW]} for an unbatched input) with
     *         {@code OH = floor((H + padding - dH*(KH-1) - 1) / sH) + 1}, padding counting both sides,
     *         and likewise {@code OW}
     * @throws IllegalArgumentException for a wrong rank, a channel count that does not match the
     *                                  weight, groups that do not divide the output channels, a
     *                                  bias of the wrong size, a kernel larger than the padded
     *                                  input, or operands on different devices or of different dtypes
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, ConvOptions options) {
        if (x.rank() != 3 && x.rank() != 4) {
            throw new IllegalArgumentException("conv2d: expected 3D (unbatched) or 4D (batched) input, but got input"
                    + " of size " + x.shape());
        }
        if (weight.rank() != 4 || weight.dim(2) == 0 || weight.dim(3) == 0) {
            throw new IllegalArgumentException("conv2d: expected a 4D weight [out_channels, in_channels / groups,"
                    + " kernel_h, kernel_w] with a non-empty kernel, but got weight of size " + weight.shape());
        }
        Tensor batch = x.rank() == 3 ? x.unsqueeze(0) : x;
        requireMatching(batch, weight, bias, options.groups());
        int groups = options.groups();
        Size2 kernel = Size2.of(weight.dim(2), weight.dim(3));
        Size2 before = options.paddingBefore(kernel);
        Size2 after = options.paddingAfter(kernel);
        if (!after.equals(before)) {
            // "same" with an even dilated kernel: the extra zero goes after, as in PyTorch
            batch = batch.pad(0, after.w() - before.w(), 0, after.h() - before.h());
        }
        Size2 stride = options.stride();
        Size2 dilation = options.dilation();
        int paddedH = batch.dim(2) + 2 * before.h();
        int paddedW = batch.dim(3) + 2 * before.w();
        int spanH = dilation.h() * (kernel.h() - 1) + 1;
        int spanW = dilation.w() * (kernel.w() - 1) + 1;
        if (paddedH < spanH || paddedW < spanW) {
            throw new IllegalArgumentException("conv2d: calculated padded input size per channel: (" + paddedH + " x "
                    + paddedW + "). Kernel size: (" + spanH + " x " + spanW + "). Kernel size can't be greater than"
                    + " actual input size; pad the input or use a smaller kernel or dilation");
        }
        Window2d window = new Window2d(kernel.h(), kernel.w(), stride.h(), stride.w(), before.h(), before.w(),
                dilation.h(), dilation.w());
        int outH = Window2d.outputSize(batch.dim(2), kernel.h(), stride.h(), before.h(), dilation.h(), false);
        int outW = Window2d.outputSize(batch.dim(3), kernel.w(), stride.w(), before.w(), dilation.w(), false);
        Tensor y = Convolve.apply(batch, weight, bias, window, groups, outH, outW);
        return x.rank() == 3 ? y.squeeze(0) : y;
    }

    /** Devices, dtypes, channel counts and the bias against the weight {@code [O, C / groups, KH, KW]}. */
    private static void requireMatching(Tensor batch, Tensor weight, Tensor bias, int groups) {
        Kernels.requireCompatible("conv2d", batch, weight);
        int outChannels = weight.dim(0);
        int groupChannels = weight.dim(1);
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("conv2d: given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + weight.shape() + " instead");
        }
        if (batch.dim(1) != groupChannels * groups) {
            throw new IllegalArgumentException("conv2d: given groups=" + groups + ", weight of size " + weight.shape()
                    + ", expected input" + batch.shape() + " to have " + groupChannels * groups
                    + " channels, but got " + batch.dim(1) + " channels instead");
        }
        if (bias != null) {
            Kernels.requireCompatible("conv2d", batch, bias);
            if (bias.rank() != 1 || bias.dim(0) != outChannels) {
                throw new IllegalArgumentException("conv2d: given weight of size " + weight.shape()
                        + ", expected bias to be 1-dimensional with " + outChannels + " elements, but got bias of size "
                        + bias.shape() + " instead");
            }
        }
    }
}
