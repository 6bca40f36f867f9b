package dev.nabla.simd.window;

import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;

/**
 * One input plane of a pooling kernel copied into scratch rows with the left and right padding
 * (and enough slack for whole vectors) already in place, so that a tap at every output position
 * of a row is one unmasked vector load. Output row {@code oh} reads the rows of the taps
 * {@code kh} that fall inside the input; the others would only ever contribute padding.
 */
final class PaddedPlane {
    private final View x;
    private final Window2d w;
    private final int rowLength;
    private final int copied;
    /** Positions per output row, computed at every input column: a whole number of vectors. */
    final int positions;
    /** The padded rows, {@code H} of {@link #rowLength} elements. */
    final Object data;
    /** Start in {@link #data} of each tap row that {@link #select} found inside the input. */
    final int[] rowStarts;
    /** {@code kh * KW} of each of those rows. */
    final int[] tapBases;

    /** Scratch for planes of {@code x [N, C, H, W]} pooled to rows of {@code outW}, padding with {@code padValue}. */
    PaddedPlane(RowOps ops, View x, Window2d w, int outW, double padValue) {
        this.x = x;
        this.w = w;
        int lanes = ops.lanes();
        int span = (outW - 1) * w.strideW() + 1;
        positions = (span + lanes - 1) / lanes * lanes;
        rowLength = positions + (w.kernelW() - 1) * w.dilationW();
        copied = Math.max(0, Math.min(x.shape().dim(3), rowLength - w.padW()));
        data = ops.filled(x.shape().dim(2) * rowLength, padValue);
        rowStarts = new int[w.kernelH()];
        tapBases = new int[w.kernelH()];
    }

    /** Copies plane {@code p} of {@code src} (the array behind {@code x}) in, between the paddings. */
    void load(RowOps ops, Object src, int p) {
        int base = Planes.offset(x, p);
        for (int ih = 0; ih < x.shape().dim(2); ih++) {
            ops.copy(src, base + ih * x.stride(2), x.stride(3), data, ih * rowLength + w.padW(), 1, copied);
        }
    }

    /** Fills {@link #rowStarts} and {@link #tapBases} for output row {@code oh}; returns how many rows. */
    int select(int oh) {
        int rows = 0;
        for (int kh = 0; kh < w.kernelH(); kh++) {
            int ih = oh * w.strideH() - w.padH() + kh * w.dilationH();
            if (ih >= 0 && ih < x.shape().dim(2)) {
                rowStarts[rows] = ih * rowLength;
                tapBases[rows] = kh * w.kernelW();
                rows++;
            }
        }
        return rows;
    }
}
