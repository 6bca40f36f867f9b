package dev.nabla.simd.window;

import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;

/**
 * {@link dev.nabla.tensor.spi.Backend#col2im}: tap by tap, in order, each row of
 * {@code cols [n, c, kh, kw, oh, :]} that reads inside the input is added into the input row it
 * came from, with vector adds where both runs have unit steps. Every element of a plane receives
 * its taps in the order {@code (kh, kw)}, as in the default composition, so the sums are the same.
 */
public final class Col2im {
    private Col2im() {
    }

    /** Adds {@code cols [N, C, KH, KW, OH, OW]} into {@code out [N, C, H, W]}; any strides. */
    public static void run(Strided cols, Window2d w, Strided out) {
        View cv = cols.view();
        View ov = out.view();
        int outH = cv.shape().dim(4);
        int outW = cv.shape().dim(5);
        RowOps ops = RowOps.of(out.dtype());
        Object src = ops.array(cols.buffer());
        Object dst = ops.array(out.buffer());
        int step = w.strideW() * ov.stride(3);
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), (long) w.taps() * outH * outW, (from, to) -> {
            for (int p = from; p < to; p++) {
                int cBase = Planes.offset(cv, p);
                int oBase = Planes.offset(ov, p);
                for (int kh = 0; kh < w.kernelH(); kh++) {
                    Window2d.Span r = w.rows(kh, ov.shape().dim(2), outH);
                    for (int kw = 0; kw < w.kernelW(); kw++) {
                        Window2d.Span c = w.cols(kw, ov.shape().dim(3), outW);
                        int tap = cBase + kh * cv.stride(2) + kw * cv.stride(3) + c.first() * cv.stride(5);
                        for (int i = 0; i < r.count(); i++) {
                            int ih = r.inputStart() + i * w.strideH();
                            ops.addInto(src, tap + (r.first() + i) * cv.stride(4), cv.stride(5),
                                    dst, oBase + ih * ov.stride(2) + c.inputStart() * ov.stride(3), step, c.count());
                        }
                    }
                }
            }
        });
    }
}
