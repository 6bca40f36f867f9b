package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.AvgPool;
import dev.nabla.autodiff.ops.MaxPool;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Window2d;

/**
 * 2-D max, average and adaptive average pooling over {@code [N, C, H, W]} (or unbatched
 * {@code [C, H, W]}) inputs, with PyTorch's arguments, output sizes and checks. Max and average
 * pooling are differentiable primitives ({@link MaxPool}, {@link AvgPool}); adaptive pooling is
 * composed from them or from matrix products.
 */
public final class Pooling {
    private Pooling() {
    }

    /** {@link #maxPool2d(Tensor, Size2, Size2, Size2, Size2, boolean)} over non-overlapping square windows. */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        Size2 k = Size2.of(kernelSize);
        return maxPool2d(x, k, k, Size2.of(0), Size2.of(1), false);
    }

    /**
     * The largest element of each window, as PyTorch's {@code F.max_pool2d}: the padding never wins
     * and a NaN counts as the largest. The gradient goes to the first maximum of each window.
     *
     * @param x        {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernel   window size, positive
     * @param stride   step between windows, positive (PyTorch's default is the kernel size)
     * @param padding  implicit padding on each side, at most half the kernel size
     * @param dilation spacing between the window's taps, positive
     * @param ceilMode round output sizes up instead of down (a last window must still start
     *                 inside the input or its left padding)
     * @return {@code [N, C, OH, OW]} (or {@code [C, OH, OW]}) with
     *         {@code OH = floor((H + 2 pH - dH (KH - 1) - 1) / sH) + 1} (ceil in ceil mode), same for OW
     * @throws IllegalArgumentException for a wrong rank, an empty channel or spatial axis, an
     *                                  invalid setting, or an output with no element along a spatial axis
     */
    public static Tensor maxPool2d(Tensor x, Size2 kernel, Size2 stride, Size2 padding, Size2 dilation,
                                   boolean ceilMode) {
        Tensor batch = batched("maxPool2d", x);
        requirePositive("maxPool2d", "dilation", dilation);
        Window2d window = window("maxPool2d", kernel, stride, padding, dilation);
        Size2 out = outputSize("maxPool2d", batch, window, ceilMode);
        return unbatched(x, MaxPool.apply(batch, window, out.h(), out.w()));
    }

    /** {@link #avgPool2d(Tensor, Size2, Size2, Size2, boolean, boolean)} over non-overlapping square windows. */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        Size2 k = Size2.of(kernelSize);
        return avgPool2d(x, k, k, Size2.of(0), false, true);
    }

    /**
     * The mean of each window, as PyTorch's {@code F.avg_pool2d}: the window's sum divided by its
     * area clipped to the padded input, or with {@code countIncludePad} false by the number of
     * input elements it covers.
     *
     * @param x               {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param kernel          window size, positive
     * @param stride          step between windows, positive (PyTorch's default is the kernel size)
     * @param padding         implicit zero padding on each side, at most half the kernel size
     * @param ceilMode        round output sizes up instead of down
     * @param countIncludePad count padding zeros in the divisor
     * @return {@code [N, C, OH, OW]} (or {@code [C, OH, OW]}), sizes as in max pooling with dilation 1
     * @throws IllegalArgumentException as {@link #maxPool2d(Tensor, Size2, Size2, Size2, Size2, boolean)}
     */
    public static Tensor avgPool2d(Tensor x, Size2 kernel, Size2 stride, Size2 padding, boolean ceilMode,
                                   boolean countIncludePad) {
        Tensor batch = batched("avgPool2d", x);
        Window2d window = window("avgPool2d", kernel, stride, padding, Size2.of(1));
        Size2 out = outputSize("avgPool2d", batch, window, ceilMode);
        return unbatched(x, AvgPool.apply(batch, window, countIncludePad, out.h(), out.w()));
    }

    /**
     * Average pooling to a fixed output size, as PyTorch's {@code F.adaptive_avg_pool2d}: output
     * row {@code i} averages input rows {@code floor(i*H/outH)} to {@code ceil((i+1)*H/outH) - 1},
     * and likewise for columns. When the sizes divide, this is average pooling with kernel and
     * stride {@code H/outH}; otherwise, since each window is a rectangle, it is the separable
     * product {@code R @ x @ C^T} with averaging matrices {@code R [outH, H]} and {@code C [outW, W]}.
     *
     * @param x      {@code [N, C, H, W]} or {@code [C, H, W]}
     * @param output {@code (outH, outW)}, non-negative
     * @return {@code [N, C, outH, outW]} (or {@code [C, outH, outW]})
     * @throws IllegalArgumentException for a wrong rank, an empty channel or spatial axis, or a
     *                                  negative output size
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, Size2 output) {
        Tensor batch = batched("adaptiveAvgPool2d", x);
        if (output.h() < 0 || output.w() < 0) {
            throw new IllegalArgumentException("adaptiveAvgPool2d: elements of output_size must be greater than or"
                    + " equal to 0, but got " + output);
        }
        int h = batch.dim(2);
        int w = batch.dim(3);
        if (output.h() > 0 && output.w() > 0 && h % output.h() == 0 && w % output.w() == 0) {
            int kh = h / output.h();
            int kw = w / output.w();
            Window2d window = new Window2d(kh, kw, kh, kw, 0, 0, 1, 1);
            return unbatched(x, AvgPool.apply(batch, window, true, output.h(), output.w()));
        }
        Tensor rows = averagingMatrix(h, output.h(), x);
        Tensor cols = averagingMatrix(w, output.w(), x);
        return unbatched(x, rows.matmul(batch).matmul(cols.mT()));
    }

    /** {@code [out, in]}: row {@code i} is {@code 1/count} over PyTorch's adaptive window {@code i}, else 0. */
    private static Tensor averagingMatrix(int in, int out, Tensor like) {
        double[] m = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = (int) ((long) i * in / out);
            int end = (int) (((long) (i + 1) * in + out - 1) / out);
            for (int j = start; j < end; j++) {
                m[i * in + j] = 1.0 / (end - start);
            }
        }
        return Tensor.fromArray(m, Shape.of(out, in), like.dtype(), like.device());
    }

    /** {@code x} as {@code [N, C, H, W]}, after checking its rank and that C, H and W are not empty. */
    private static Tensor batched(String op, Tensor x) {
        boolean rankOk = x.rank() == 3 || x.rank() == 4;
        if (!rankOk || x.dim(-1) == 0 || x.dim(-2) == 0 || x.dim(-3) == 0) {
            throw new IllegalArgumentException(op + ": expected a 3D [C, H, W] or 4D [N, C, H, W] input with non-empty"
                    + " C, H and W (N may be 0), but got " + x.shape());
        }
        return x.rank() == 3 ? x.unsqueeze(0) : x;
    }

    private static Tensor unbatched(Tensor x, Tensor pooled) {
        return x.rank() == 3 ? pooled.squeeze(0) : pooled;
    }

    /** The window after PyTorch's checks of kernel, stride and padding (dilation checked by the caller). */
    private static Window2d window(String op, Size2 kernel, Size2 stride, Size2 padding, Size2 dilation) {
        requirePositive(op, "kernel_size", kernel);
        requirePositive(op, "stride", stride);
        if (padding.h() < 0 || padding.w() < 0) {
            throw new IllegalArgumentException(op + ": pad must be non-negative, but got pad=" + padding);
        }
        boolean rowsOk = padding.h() <= kernel.h() / 2;
        if (!rowsOk || padding.w() > kernel.w() / 2) {
            throw new IllegalArgumentException(op + ": pad should be at most half of kernel size, but got pad="
                    + (rowsOk ? padding.w() : padding.h()) + " and kernel_size=" + (rowsOk ? kernel.w() : kernel.h()));
        }
        return new Window2d(kernel.h(), kernel.w(), stride.h(), stride.w(), padding.h(), padding.w(), dilation.h(),
                dilation.w());
    }

    private static void requirePositive(String op, String name, Size2 value) {
        if (value.h() <= 0 || value.w() <= 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be greater than zero, but got " + name + "="
                    + value);
        }
    }

    /** The pooled height and width, which must both be positive. */
    private static Size2 outputSize(String op, Tensor batch, Window2d w, boolean ceilMode) {
        int c = batch.dim(1);
        int h = batch.dim(2);
        int wd = batch.dim(3);
        int outH = Window2d.outputSize(h, w.kernelH(), w.strideH(), w.padH(), w.dilationH(), ceilMode);
        int outW = Window2d.outputSize(wd, w.kernelW(), w.strideW(), w.padW(), w.dilationW(), ceilMode);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": given input size: (" + c + "x" + h + "x" + wd
                    + "). Calculated output size: (" + c + "x" + Math.max(outH, 0) + "x" + Math.max(outW, 0)
                    + "). Output size is too small; use a smaller kernel or dilation, or more padding");
        }
        return Size2.of(outH, outW);
    }
}
