package dev.nabla.simd.window;

import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;

/**
 * {@link dev.nabla.tensor.spi.Backend#im2col}: every output row {@code [n, c, kh, kw, oh, :]} is
 * zeros, one run of input row {@code oh*sH - pH + kh*dH} stepping by the stride, zeros. A run
 * with unit steps on both sides (stride 1 over a contiguous input row) is one
 * {@code System.arraycopy}.
 */
public final class Im2col {
    private Im2col() {
    }

    /** Unfolds {@code x [N, C, H, W]} into {@code out [N, C, KH, KW, OH, OW]}; any strides. */
    public static void run(Strided x, Window2d w, Strided out) {
        View xv = x.view();
        View ov = out.view();
        int outH = ov.shape().dim(4);
        int outW = ov.shape().dim(5);
        Window2d.Span[] rows = new Window2d.Span[w.kernelH()];
        Window2d.Span[] cols = new Window2d.Span[w.kernelW()];
        for (int kh = 0; kh < rows.length; kh++) {
            rows[kh] = w.rows(kh, xv.shape().dim(2), outH);
        }
        for (int kw = 0; kw < cols.length; kw++) {
            cols[kw] = w.cols(kw, xv.shape().dim(3), outW);
        }
        RowOps ops = RowOps.of(out.dtype());
        Object src = ops.array(x.buffer());
        Object dst = ops.array(out.buffer());
        int step = w.strideW() * xv.stride(3);
        int os5 = ov.stride(5);
        Planes.forEach(ov.shape().dim(0) * ov.shape().dim(1), (long) w.taps() * outH * outW, (from, to) -> {
            for (int p = from; p < to; p++) {
                int xBase = Planes.offset(xv, p);
                int oBase = Planes.offset(ov, p);
                for (int kh = 0; kh < rows.length; kh++) {
                    Window2d.Span r = rows[kh];
                    for (int kw = 0; kw < cols.length; kw++) {
                        Window2d.Span c = cols[kw];
                        int tap = oBase + kh * ov.stride(2) + kw * ov.stride(3);
                        int end = c.first() + c.count();
                        for (int oh = 0; oh < outH; oh++) {
                            int o = tap + oh * ov.stride(4);
                            int i = oh - r.first();
                            if (i < 0 || i >= r.count() || c.count() == 0) {
                                ops.fill(dst, o, os5, outW, 0);
                                continue;
                            }
                            int ih = r.inputStart() + i * w.strideH();
                            ops.fill(dst, o, os5, c.first(), 0);
                            ops.copy(src, xBase + ih * xv.stride(2) + c.inputStart() * xv.stride(3), step,
                                    dst, o + c.first() * os5, os5, c.count());
                            ops.fill(dst, o + end * os5, os5, outW - end, 0);
                        }
                    }
                }
            }
        });
    }
}
