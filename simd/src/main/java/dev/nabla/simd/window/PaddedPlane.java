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
    /** Where in {@link #data} each tap that {@link #select} found reads its first position. */
    final int[] offsets;
    /** The index {@code kh * KW + kw} of each of those taps. */
    final int[] taps;

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
        offsets = new int[w.taps()];
        taps = new int[w.taps()];
    }

    /** Copies plane {@code p} of {@code src} (the array behind {@code x}) in, between the paddings. */
    void load(RowOps ops, Object src, int p) {
        int base = Planes.offset(x, p);
        for (int ih = 0; ih < x.shape().dim(2); ih++) {
            ops.copy(src, base + ih * x.stride(2), x.stride(3), data, ih * rowLength + w.padW(), 1, copied);
        }
    }

    /**
     * Fills {@link #offsets} and {@link #taps} with the taps of output row {@code oh} whose input
     * row lies inside the input, in tap order; returns how many.
     */
    int select(int oh) {
        int count = 0;
        for (int kh = 0; kh < w.kernelH(); kh++) {
            int ih = oh * w.strideH() - w.padH() + kh * w.dilationH();
            if (ih >= 0 && ih < x.shape().dim(2)) {
                for (int kw = 0; kw < w.kernelW(); kw++) {
                    offsets[count] = ih * rowLength + kw * w.dilationW();
                    taps[count] = kh * w.kernelW() + kw;
                    count++;
                }
            }
        }
        return count;
    }
}
