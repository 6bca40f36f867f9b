package dev.nabla.tensor.spi;

/**
 * The sliding window of a 2-D convolution or pooling over {@code [N, C, H, W]}: kernel size,
 * stride, zero padding on each side, and dilation (the spacing between kernel taps), per spatial
 * axis. Output sizes are not part of the window: a kernel reads them from its output's shape,
 * so floor and ceil modes share one window.
 *
 * <p>Output position {@code o} of tap {@code k} reads input row {@code o*stride - pad + k*dilation}.
 */
public record Window2d(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW,
                       int dilationH, int dilationW) {

    /**
     * @throws IllegalArgumentException if a kernel size, stride or dilation is not positive or a
     *                                  padding is negative
     */
    public Window2d {
        if (kernelH <= 0 || kernelW <= 0 || strideH <= 0 || strideW <= 0 || dilationH <= 0 || dilationW <= 0
                || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("window: kernel, stride and dilation must be positive and padding"
                    + " non-negative, got kernel=" + kernelH + "x" + kernelW + " stride=" + strideH + "x" + strideW
                    + " padding=" + padH + "x" + padW + " dilation=" + dilationH + "x" + dilationW);
        }
    }

    /** Number of taps, {@code kernelH * kernelW}. */
    public int taps() {
        return kernelH * kernelW;
    }

    /**
     * Output size along one axis: {@code floor((in + 2 pad - dilation (kernel - 1) - 1) / stride) + 1},
     * or with {@code ceil} rounding up, dropping a last window that would start in the right
     * padding (PyTorch's pooling rule). May be zero or negative when the window does not fit.
     */
    public static int outputSize(int in, int kernel, int stride, int pad, int dilation, boolean ceil) {
        int span = in + 2 * pad - dilation * (kernel - 1) - 1;
        if (span < 0) {
            return 0;
        }
        int out = (ceil ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
        if (ceil && (out - 1) * stride >= in + pad) {
            out--;
        }
        return out;
    }

    /** The output rows where tap row {@code kh} reads inside an input of {@code inH} rows, of {@code outH}. */
    public Span rows(int kh, int inH, int outH) {
        return Span.of(kh * dilationH - padH, strideH, inH, outH);
    }

    /** The output columns where tap column {@code kw} reads inside an input of {@code inW} columns, of {@code outW}. */
    public Span cols(int kw, int inW, int outW) {
        return Span.of(kw * dilationW - padW, strideW, inW, outW);
    }

    /**
     * The output positions {@code first, ..., first + count - 1} whose input position
     * {@code o*stride + shift} lies in {@code [0, in)}; {@code inputStart} is that of {@code first}.
     *
     * @param first      first output position that reads inside the input
     * @param count      how many consecutive output positions do (possibly 0)
     * @param inputStart the input position read by {@code first}; later ones step by the stride
     */
    public record Span(int first, int count, int inputStart) {
        static Span of(int shift, int stride, int in, int out) {
            int first = Math.max(0, Math.floorDiv(-shift + stride - 1, stride));
            int last = Math.min(out - 1, Math.floorDiv(in - 1 - shift, stride));
            int count = Math.max(0, last - first + 1);
            return new Span(first, count, first * stride + shift);
        }
    }
}
