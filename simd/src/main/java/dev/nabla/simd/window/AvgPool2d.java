package dev.nabla.simd.window;

import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;
import dev.nabla.tensor.spi.WindowDefaults;

/**
 * {@link dev.nabla.tensor.spi.Backend#avgPool2d}: each plane is copied into zero-padded scratch
 * rows ({@link PaddedPlane}); each output row's window sums are computed with vectors at every
 * input column (taps in order), every {@code strideW}-th is picked, and the row is divided by
 * PyTorch's divisors ({@link WindowDefaults#poolDivisors}) with vector divisions.
 */
public final class AvgPool2d {
    private AvgPool2d() {
    }

    /** Average pooling of {@code x [N, C, H, W]} into {@code out [N, C, OH, OW]}; any strides. */
    public static void run(Strided x, Window2d w, boolean countIncludePad, Strided out) {
        View xv = x.view();
        View ov = out.view();
        int outH = ov.shape().dim(2);
        int outW = ov.shape().dim(3);
        RowOps ops = RowOps.of(out.dtype());
        Object src = ops.array(x.buffer());
        Object dst = ops.array(out.buffer());
        int lanes = ops.lanes();
        int rowVectors = (outW + lanes - 1) / lanes * lanes;
        // One spare vector of ones past the last row, so every row divides whole vectors.
        Object divisors = ops.filled(outH * outW + lanes, 1);
        ops.set(divisors, WindowDefaults.poolDivisors(w, xv.shape().dim(2), xv.shape().dim(3), outH, outW,
                countIncludePad));
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), (long) w.taps() * outH * outW, (from, to) -> {
            PaddedPlane plane = new PaddedPlane(ops, xv, w, outW, 0);
            Object sums = ops.filled(plane.positions, 0);
            Object picked = w.strideW() == 1 ? sums : ops.filled(rowVectors, 0);
            for (int p = from; p < to; p++) {
                plane.load(ops, src, p);
                int oBase = Planes.offset(ov, p);
                for (int oh = 0; oh < outH; oh++) {
                    int count = plane.select(oh);
                    ops.sumRow(plane.data, plane.offsets, count, sums, plane.positions);
                    if (picked != sums) {
                        ops.copy(sums, 0, w.strideW(), picked, 0, 1, outW);
                    }
                    ops.divide(picked, divisors, oh * outW, rowVectors);
                    ops.copy(picked, 0, 1, dst, oBase + oh * ov.stride(2), ov.stride(3), outW);
                }
            }
        });
    }
}
