package dev.nabla.simd.window;

import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;
import dev.nabla.tensor.spi.WindowDefaults;

/**
 * {@link dev.nabla.tensor.spi.Backend#avgPool2d}: each plane is copied into zero-padded scratch
 * ({@link PaddedPlane}), the window sums are computed with vectors at every flat position of the
 * plane (taps in order), the outputs are picked into a contiguous plane, divided by PyTorch's
 * divisors ({@link WindowDefaults#poolDivisors}) with vector divisions, and stored.
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
        int vectors = (outH * outW + lanes - 1) / lanes * lanes;
        Object divisors = ops.filled(vectors, 1);
        ops.set(divisors, WindowDefaults.poolDivisors(w, xv.shape().dim(2), xv.shape().dim(3), outH, outW,
                countIncludePad));
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), (long) w.taps() * outH * outW, (from, to) -> {
            PaddedPlane plane = new PaddedPlane(ops, xv, w, outH, outW, 0);
            Object sums = ops.filled(plane.positions, 0);
            Object means = ops.filled(vectors, 0);
            int[] picks = plane.picks(outH, outW);
            for (int p = from; p < to; p++) {
                plane.load(ops, src, p);
                ops.sumTaps(plane.data, plane.offsets, sums, plane.positions);
                ops.gather(sums, picks, means, 0, picks.length);
                ops.divide(means, divisors, 0, vectors);
                int oBase = Planes.offset(ov, p);
                for (int oh = 0; oh < outH; oh++) {
                    ops.copy(means, oh * outW, 1, dst, oBase + oh * ov.stride(2), ov.stride(3), outW);
                }
            }
        });
    }
}
