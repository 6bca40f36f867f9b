package dev.nabla.simd.conv;

import dev.nabla.tensor.View;
import java.util.Arrays;

/**
 * A stride-1 correlation laid out on padded planes. Each of {@code channels} input planes is
 * copied with its zero padding into a row-major {@code height x width} plane, one after the other;
 * output position {@code (oh, ow)} is the flat grid position {@code q = oh * width + ow}, and tap
 * {@code (c, kh, kw)} of it reads the flat position {@code q + tap(c, kh, kw)}. So every tap of a
 * run of consecutive positions is one contiguous run of the planes, however narrow the rows: a
 * vector loop needs no gather. Grid columns {@code ow >= outW} are computed and dropped (they read
 * across into the next row); output positions themselves only ever read their own plane.
 *
 * @param channels  input planes per group
 * @param padTop    rows of the plane above input row 0 (negative: input rows cut off)
 * @param padLeft   columns of the plane left of input column 0 (negative: cut off)
 */
record Grid(int channels, int kernelH, int kernelW, int dilationH, int dilationW, int padTop, int padLeft,
            int outH, int outW) {

    /** Plane width: the output width plus the kernel's reach. */
    int width() {
        return outW + dilationW * (kernelW - 1);
    }

    /** Plane height: the output height plus the kernel's reach. */
    int height() {
        return outH + dilationH * (kernelH - 1);
    }

    int plane() {
        return width() * height();
    }

    /** Grid positions that hold outputs: {@code outH} rows of {@code width}. */
    int positions() {
        return outH * width();
    }

    /** Taps per output: {@code channels * kernelH * kernelW}. */
    int taps() {
        return channels * kernelH * kernelW;
    }

    /** The flat offset of every tap {@code (c, kh, kw)}, in that row-major order. */
    int[] tapOffsets() {
        int[] offsets = new int[taps()];
        int t = 0;
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kernelH; kh++) {
                for (int kw = 0; kw < kernelW; kw++) {
                    offsets[t++] = c * plane() + kh * dilationH * width() + kw * dilationW;
                }
            }
        }
        return offsets;
    }

    /**
     * Length of a planes buffer from which positions up to {@code positions()} rounded up to
     * {@code block} can be computed: reads past the last plane stay inside it.
     */
    int planesLength(int block) {
        return channels * plane() + block + dilationW * (kernelW - 1);
    }

    /**
     * Copies planes {@code [n, c0 .. c0 + channels)} of {@code v} (any strides, {@code [N, C, H, W]}
     * over {@code src}) into {@code dst} from {@code at}, padded with zeros, and zeroes the
     * buffer's tail up to {@code planesLength(block)}.
     */
    void load(float[] src, View v, int n, int c0, float[] dst, int at, int block) {
        Arrays.fill(dst, at, at + planesLength(block), 0f);
        int inH = v.shape().dim(2);
        int inW = v.shape().dim(3);
        int h0 = Math.max(0, -padTop);
        int h1 = Math.min(inH, height() - padTop);
        int w0 = Math.max(0, -padLeft);
        int w1 = Math.min(inW, width() - padLeft);
        int sh = v.stride(2);
        int sw = v.stride(3);
        for (int c = 0; c < channels; c++) {
            int from = v.offset() + n * v.stride(0) + (c0 + c) * v.stride(1);
            int to = at + c * plane() + padLeft;
            for (int ih = h0; ih < h1; ih++) {
                int s = from + ih * sh;
                int d = to + (ih + padTop) * width();
                if (sw == 1) {
                    System.arraycopy(src, s + w0, dst, d + w0, w1 - w0);
                } else {
                    for (int iw = w0; iw < w1; iw++) {
                        dst[d + iw] = src[s + iw * sw];
                    }
                }
            }
        }
    }
}
