package dev.nabla.simd.window;

import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;

/**
 * One input plane of a pooling kernel, copied into scratch with its padding in place and its rows
 * grouped by their remainder modulo the vertical stride, so that every window tap is a fixed
 * offset from one flat position: output {@code (oh, ow)} sits at position
 * {@code oh * rowLength + ow * strideW}, and tap {@code k} reads {@code data[position + offsets[k]]}.
 * A whole plane is then one vector loop over {@link #positions} positions per tap, however
 * narrow its rows; the positions between two picked ones (stride 2 and more, the ends of rows)
 * are computed and dropped, which costs less than a loop per output row.
 */
final class PaddedPlane {
    private final View x;
    private final Window2d w;
    private final int rowLength;
    private final int rowsPerPhase;
    /** Flat positions to compute: all output rows, {@link #rowLength} apart, rounded to whole vectors. */
    final int positions;
    /** The padded input rows, row {@code j} (counted from the top padding) at {@code ((j % strideH) * rowsPerPhase + j / strideH) * rowLength}. */
    final Object data;
    /** Where tap {@code k = kh * KW + kw} reads, relative to a position. */
    final int[] offsets;

    /** Scratch for planes of {@code x [N, C, H, W]} pooled to {@code [outH, outW]}, padding with {@code padValue}. */
    PaddedPlane(RowOps ops, View x, Window2d w, int outH, int outW, double padValue) {
        this.x = x;
        this.w = w;
        int sH = w.strideH();
        int lanes = ops.lanes();
        rowLength = Math.max(x.shape().dim(3) + 2 * w.padW(), (outW - 1) * w.strideW() + 1 + (w.kernelW() - 1) * w.dilationW());
        rowsPerPhase = outH + (w.kernelH() - 1) * w.dilationH() / sH + 1;
        positions = (outH * rowLength + lanes - 1) / lanes * lanes;
        offsets = new int[w.taps()];
        int last = 0;
        for (int kh = 0; kh < w.kernelH(); kh++) {
            int j = kh * w.dilationH();
            for (int kw = 0; kw < w.kernelW(); kw++) {
                int k = kh * w.kernelW() + kw;
                offsets[k] = (j % sH * rowsPerPhase + j / sH) * rowLength + kw * w.dilationW();
                last = Math.max(last, offsets[k]);
            }
        }
        data = ops.filled(Math.max(positions + last, sH * rowsPerPhase * rowLength), padValue);
    }

    /** Copies plane {@code p} of {@code src} (the array behind {@code x}) in, between the paddings. */
    void load(RowOps ops, Object src, int p) {
        int base = Planes.offset(x, p);
        int sH = w.strideH();
        for (int ih = 0; ih < x.shape().dim(2); ih++) {
            int j = ih + w.padH();
            if (j / sH < rowsPerPhase) {
                ops.copy(src, base + ih * x.stride(2), x.stride(3),
                        data, (j % sH * rowsPerPhase + j / sH) * rowLength + w.padW(), 1, x.shape().dim(3));
            }
        }
    }

    /** The position of every output's window, row-major {@code [outH, outW]}. */
    int[] picks(int outH, int outW) {
        int[] picks = new int[outH * outW];
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                picks[oh * outW + ow] = row(oh) + ow * w.strideW();
            }
        }
        return picks;
    }

    /** The position of output row {@code oh}'s first window. */
    int row(int oh) {
        return oh * rowLength;
    }
}
