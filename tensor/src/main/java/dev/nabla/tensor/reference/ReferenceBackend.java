package dev.nabla.tensor.reference;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.StridedCursor;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Arrays;

/**
 * The oracle: every primitive as a plain loop over strided views, computing in double and
 * rounding once on store. Slow and obviously correct; every other backend is tested against it.
 */
public final class ReferenceBackend implements Backend {
    /** The one instance; it holds no state. */
    public static final ReferenceBackend INSTANCE = new ReferenceBackend();

    private ReferenceBackend() {
    }

    @Override
    public Device device() {
        return Device.REFERENCE;
    }

    @Override
    public Buffer allocate(DType dtype, int size) {
        return HostBuffer.allocate(dtype, size);
    }

    @Override
    public void write(Buffer dst, float[] src) {
        HostBuffer d = host(dst, src.length);
        for (int i = 0; i < src.length; i++) {
            d.set(i, src[i]);
        }
    }

    @Override
    public void write(Buffer dst, double[] src) {
        HostBuffer d = host(dst, src.length);
        for (int i = 0; i < src.length; i++) {
            d.set(i, src[i]);
        }
    }

    private static HostBuffer host(Buffer dst, int length) {
        if (dst.size() != length) {
            throw new IllegalArgumentException("write: buffer holds " + dst.size() + " elements, source " + length);
        }
        return host(dst);
    }

    @Override
    public double[] readDoubles(Strided src) {
        HostBuffer s = host(src.buffer());
        int n = src.view().numel();
        double[] out = new double[n];
        StridedCursor c = new StridedCursor(src.shape(), src.view());
        for (int i = 0; i < n; i++, c.next()) {
            out[i] = s.get(c.offset(0));
        }
        return out;
    }

    @Override
    public float[] readFloats(Strided src) {
        double[] d = readDoubles(src);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    @Override
    public void fill(Strided dst, double value) {
        HostBuffer d = host(dst.buffer());
        StridedCursor c = new StridedCursor(dst.shape(), dst.view());
        for (int i = 0, n = dst.view().numel(); i < n; i++, c.next()) {
            d.set(c.offset(0), value);
        }
    }

    @Override
    public void copy(Strided src, Strided dst) {
        HostBuffer s = host(src.buffer());
        HostBuffer d = host(dst.buffer());
        StridedCursor c = new StridedCursor(dst.shape(), src.view(), dst.view());
        for (int i = 0, n = dst.view().numel(); i < n; i++, c.next()) {
            d.set(c.offset(1), s.get(c.offset(0)));
        }
    }

    @Override
    public void unary(UnaryOp op, Strided x, Strided out) {
        HostBuffer s = host(x.buffer());
        HostBuffer d = host(out.buffer());
        StridedCursor c = new StridedCursor(out.shape(), x.view(), out.view());
        for (int i = 0, n = out.view().numel(); i < n; i++, c.next()) {
            d.set(c.offset(1), ScalarMath.unary(op, s.get(c.offset(0))));
        }
    }

    @Override
    public void binary(BinaryOp op, Strided a, Strided b, Strided out) {
        HostBuffer sa = host(a.buffer());
        HostBuffer sb = host(b.buffer());
        HostBuffer d = host(out.buffer());
        StridedCursor c = new StridedCursor(out.shape(), a.view(), b.view(), out.view());
        for (int i = 0, n = out.view().numel(); i < n; i++, c.next()) {
            d.set(c.offset(2), ScalarMath.binary(op, sa.get(c.offset(0)), sb.get(c.offset(1))));
        }
    }

    @Override
    public void addScaled(Strided a, Strided b, double alpha, Strided out) {
        HostBuffer sa = host(a.buffer());
        HostBuffer sb = host(b.buffer());
        HostBuffer d = host(out.buffer());
        boolean f32 = out.dtype() == DType.F32;
        StridedCursor c = new StridedCursor(out.shape(), a.view(), b.view(), out.view());
        for (int i = 0, n = out.view().numel(); i < n; i++, c.next()) {
            double x = sa.get(c.offset(0));
            double y = sb.get(c.offset(1));
            d.set(c.offset(2), f32 ? Math.fma((float) y, (float) alpha, (float) x) : Math.fma(y, alpha, x));
        }
    }

    @Override
    public void where(Strided cond, Strided a, Strided b, Strided out) {
        HostBuffer sc = host(cond.buffer());
        HostBuffer sa = host(a.buffer());
        HostBuffer sb = host(b.buffer());
        HostBuffer d = host(out.buffer());
        StridedCursor c = new StridedCursor(out.shape(), cond.view(), a.view(), b.view(), out.view());
        for (int i = 0, n = out.view().numel(); i < n; i++, c.next()) {
            double v = sc.get(c.offset(0)) != 0 ? sa.get(c.offset(1)) : sb.get(c.offset(2));
            d.set(c.offset(3), v);
        }
    }

    @Override
    public void reduce(ReduceOp op, Strided x, Strided out) {
        HostBuffer s = host(x.buffer());
        Shape outShape = out.shape();
        // Accumulate in double, in a contiguous scratch array indexed like out, then store once.
        double[] acc = new double[outShape.numel()];
        Arrays.fill(acc, ScalarMath.identity(op));
        View scatter = View.contiguous(outShape).expand(x.shape());
        StridedCursor c = new StridedCursor(x.shape(), x.view(), scatter);
        for (int i = 0, n = x.view().numel(); i < n; i++, c.next()) {
            int o = c.offset(1);
            acc[o] = ScalarMath.reduce(op, acc[o], s.get(c.offset(0)));
        }
        HostBuffer d = host(out.buffer());
        StridedCursor w = new StridedCursor(outShape, out.view());
        for (int i = 0; i < acc.length; i++, w.next()) {
            d.set(w.offset(0), acc[i]);
        }
    }

    @Override
    public void argReduce(ArgReduceOp op, Strided x, int axis, Strided out) {
        HostBuffer s = host(x.buffer());
        HostBuffer d = host(out.buffer());
        int len = x.shape().dim(axis);
        int step = x.view().stride(axis);
        // Walk the output; for each position scan x along the axis from the matching start.
        View starts = x.view().slice(axis, 0, 1, 1);
        StridedCursor c = new StridedCursor(out.shape(), starts, out.view());
        for (int i = 0, n = out.view().numel(); i < n; i++, c.next()) {
            int best = 0;
            double bestValue = s.get(c.offset(0));
            for (int k = 1; k < len && !Double.isNaN(bestValue); k++) {
                double v = s.get(c.offset(0) + k * step);
                if (Double.isNaN(v) || (op == ArgReduceOp.ARGMAX ? v > bestValue : v < bestValue)) {
                    best = k;
                    bestValue = v;
                }
            }
            d.set(c.offset(1), best);
        }
    }

    @Override
    public void matmul(Strided a, Strided bMat, Strided out) {
        HostBuffer sa = host(a.buffer());
        HostBuffer sb = host(bMat.buffer());
        HostBuffer d = host(out.buffer());
        View av = a.view();
        View bv = bMat.view();
        View ov = out.view();
        int batch = ov.shape().dim(0);
        int m = ov.shape().dim(1);
        int n = ov.shape().dim(2);
        int k = av.shape().dim(2);
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int q = 0; q < k; q++) {
                        sum += sa.get(av.indexOf(p, i, q)) * sb.get(bv.indexOf(p, q, j));
                    }
                    d.set(ov.indexOf(p, i, j), sum);
                }
            }
        }
    }

    @Override
    public void gather(Strided x, int axis, Strided index, Strided out) {
        HostBuffer sx = host(x.buffer());
        HostBuffer si = host(index.buffer());
        HostBuffer d = host(out.buffer());
        // x restricted to the index's extent on every axis but `axis`, and to position 0 on it.
        View base = alignedTo(x.view(), index.shape(), axis);
        int step = x.view().stride(axis);
        StridedCursor c = new StridedCursor(index.shape(), base, index.view(), out.view());
        for (int i = 0, n = index.view().numel(); i < n; i++, c.next()) {
            int k = (int) si.get(c.offset(1));
            d.set(c.offset(2), sx.get(c.offset(0) + k * step));
        }
    }

    @Override
    public void scatterAdd(Strided src, int axis, Strided index, Strided out) {
        HostBuffer ss = host(src.buffer());
        HostBuffer si = host(index.buffer());
        HostBuffer d = host(out.buffer());
        View base = alignedTo(out.view(), index.shape(), axis);
        int step = out.view().stride(axis);
        StridedCursor c = new StridedCursor(index.shape(), base, index.view(), src.view());
        for (int i = 0, n = index.view().numel(); i < n; i++, c.next()) {
            int o = c.offset(0) + (int) si.get(c.offset(1)) * step;
            d.set(o, d.get(o) + ss.get(c.offset(2)));
        }
    }

    /**
     * {@code v} cut to {@code shape} on every axis but {@code axis}, where it keeps only position 0
     * and gets stride 0, so a cursor over {@code shape} yields the start of each scanned line.
     */
    private static View alignedTo(View v, Shape shape, int axis) {
        int[] strides = v.strides();
        strides[axis] = 0;
        return View.of(shape, strides, v.offset());
    }

    private static HostBuffer host(Buffer b) {
        if (b instanceof HostBuffer h) {
            return h;
        }
        throw new IllegalArgumentException("reference: buffer of type " + b.getClass().getName()
                + " belongs to another backend; move the tensor with .to(Device.REFERENCE)");
    }
}
