package dev.nabla.simd.window;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;
import dev.nabla.tensor.spi.WindowDefaults;

/**
 * {@link Backend#maxPool2d}: each plane is copied into {@code -infinity}-padded scratch
 * ({@link PaddedPlane}), the maxima and their taps are computed with vectors at every flat
 * position of the plane (taps in order, the first maximum or first NaN winning, as the default
 * composition's argmax does; where nothing beats -infinity, the window's first tap inside the
 * input, {@link WindowDefaults#firstInsideTaps}), and the outputs are picked from their
 * positions, with vector gathers when each output plane is contiguous. At stride 2 this compares
 * about four times as many positions as there are outputs, all in vectors.
 */
public final class MaxPool2d {
    private MaxPool2d() {
    }

    /** {@code positions} values, output {@code j}'s {@code firstTaps[j]} at its position {@code picks[j]}, else 0. */
    private static Object firstTapsAt(RowOps ops, int[] picks, int positions, double[] firstTaps) {
        double[] values = new double[positions];
        for (int j = 0; j < picks.length; j++) {
            values[picks[j]] = firstTaps[j];
        }
        Object a = ops.filled(positions, 0);
        ops.set(a, values);
        return a;
    }

    /** Whether each plane {@code [H, W]} of {@code v [N, C, H, W]} is one contiguous run. */
    private static boolean isDense(View v) {
        Shape s = v.shape();
        return (s.dim(3) <= 1 || v.stride(3) == 1) && (s.dim(2) <= 1 || v.stride(2) == s.dim(3));
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
        boolean dense = isDense(ov) && isDense(av);
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), (long) w.taps() * outH * outW, (from, to) -> {
            PaddedPlane plane = new PaddedPlane(ops, xv, w, outH, outW, Double.NEGATIVE_INFINITY);
            int[] picks = plane.picks(outH, outW);
            Object firstTaps = firstTapsAt(ops, picks, plane.positions,
                    WindowDefaults.firstInsideTaps(w, xv.shape().dim(2), xv.shape().dim(3), outH, outW));
            Object best = ops.filled(plane.positions, 0);
            Object taps = ops.filled(plane.positions, 0);
            for (int p = from; p < to; p++) {
                plane.load(ops, src, p);
                ops.maxTaps(plane.data, plane.offsets, firstTaps, best, taps, plane.positions);
                int oBase = Planes.offset(ov, p);
                int aBase = Planes.offset(av, p);
                if (dense) {
                    ops.gather(best, picks, dst, oBase, picks.length);
                    ops.gather(taps, picks, arg, aBase, picks.length);
                    continue;
                }
                for (int oh = 0; oh < outH; oh++) {
                    ops.copy(best, plane.row(oh), w.strideW(), dst, oBase + oh * ov.stride(2), ov.stride(3), outW);
                    ops.copy(taps, plane.row(oh), w.strideW(), arg, aBase + oh * av.stride(2), av.stride(3), outW);
                }
            }
        });
    }
}
