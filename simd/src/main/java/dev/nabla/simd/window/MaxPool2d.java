package dev.nabla.simd.window;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;

/**
 * {@link Backend#maxPool2d}: each plane is copied into {@code -infinity}-padded scratch rows
 * ({@link PaddedPlane}); each output row is computed with vectors at every input column (taps in
 * order, the first maximum or first NaN winning, as the default composition's argmax does), and
 * the outputs pick every {@code strideW}-th column. At stride 2 this does twice the comparisons
 * needed, all in vectors, with no gather.
 */
public final class MaxPool2d {
    private MaxPool2d() {
    }

    /**
     * Max pooling of {@code x [N, C, H, W]} into {@code out} and {@code argmax [N, C, OH, OW]};
     * any strides. {@code backend} converts the tap indices when {@code argmax} has another dtype.
     */
    public static void run(Backend backend, Strided x, Window2d w, Strided out, Strided argmax) {
        if (argmax.dtype() != out.dtype()) {
            Shape s = argmax.shape();
            Strided taps = new Strided(backend.allocate(out.dtype(), s.numel()), View.contiguous(s));
            run(backend, x, w, out, taps);
            backend.copy(taps, argmax);
            return;
        }
        View xv = x.view();
        View ov = out.view();
        View av = argmax.view();
        int outH = ov.shape().dim(2);
        int outW = ov.shape().dim(3);
        RowOps ops = RowOps.of(out.dtype());
        Object src = ops.array(x.buffer());
        Object dst = ops.array(out.buffer());
        Object arg = ops.array(argmax.buffer());
        long work = (long) w.taps() * outH * outW;
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), work, (from, to) -> {
            PaddedPlane plane = new PaddedPlane(ops, xv, w, outW, Double.NEGATIVE_INFINITY);
            Object best = ops.filled(plane.positions, 0);
            Object taps = ops.filled(plane.positions, 0);
            for (int p = from; p < to; p++) {
                plane.load(ops, src, p);
                int oBase = Planes.offset(ov, p);
                int aBase = Planes.offset(av, p);
                for (int oh = 0; oh < outH; oh++) {
                    int count = plane.select(oh);
                    ops.maxRow(plane.data, plane.offsets, plane.taps, count, best, taps, plane.positions);
                    ops.copy(best, 0, w.strideW(), dst, oBase + oh * ov.stride(2), ov.stride(3), outW);
                    ops.copy(taps, 0, w.strideW(), arg, aBase + oh * av.stride(2), av.stride(3), outW);
                }
            }
        });
    }
}
