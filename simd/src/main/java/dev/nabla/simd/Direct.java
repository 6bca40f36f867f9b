package dev.nabla.simd;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import java.util.Arrays;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;

/**
 * The short way for small operands that are contiguous or a single repeated value: straight to
 * the kernels, without planning rows or touching the thread pool. Small tensors are common
 * (biases, scalars, per-sample losses) and there the planning would cost more than the math.
 */
final class Direct {
    private Direct() {
    }

    /** A contiguous output small enough to stay on the calling thread. */
    static boolean fits(Strided out) {
        return out.view().numel() < Segments.PARALLEL_MIN && out.view().isContiguous();
    }

    static boolean dense(View v) {
        return v.isContiguous();
    }

    /** Contiguous, or one value repeated everywhere (every stride 0). */
    static boolean denseOrScalar(View v) {
        return v.isContiguous() || allZero(v);
    }

    private static boolean allZero(View v) {
        for (int i = 0; i < v.rank(); i++) {
            if (v.stride(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static void copy(Strided src, Strided dst) {
        int n = dst.view().numel();
        Copies.run(src.buffer(), src.view().offset(), 1, dst.buffer(), dst.view().offset(), 1, n, true);
    }

    static void fill(Strided dst, double value) {
        int from = dst.view().offset();
        int to = from + dst.view().numel();
        if (dst.dtype() == DType.F32) {
            Arrays.fill(SimdBackend.f32(dst.buffer()), from, to, (float) value);
        } else {
            Arrays.fill(SimdBackend.f64(dst.buffer()), from, to, value);
        }
    }

    static void where(Strided c, Strided a, Strided b, Strided out) {
        int n = out.view().numel();
        boolean cs = n > 1 && !c.view().isContiguous();
        boolean as = n > 1 && !a.view().isContiguous();
        boolean bs = n > 1 && !b.view().isContiguous();
        int o = out.view().offset();
        if (out.dtype() == DType.F32) {
            FloatKernels.where(SimdBackend.f32(c.buffer()), c.view().offset(), cs, SimdBackend.f32(a.buffer()),
                    a.view().offset(), as, SimdBackend.f32(b.buffer()), b.view().offset(), bs,
                    SimdBackend.f32(out.buffer()), o, n);
        } else {
            DoubleKernels.where(SimdBackend.f64(c.buffer()), c.view().offset(), cs, SimdBackend.f64(a.buffer()),
                    a.view().offset(), as, SimdBackend.f64(b.buffer()), b.view().offset(), bs,
                    SimdBackend.f64(out.buffer()), o, n);
        }
    }

    /**
     * A contiguous {@code x} reduced over a suffix of its axes into a contiguous {@code out}:
     * {@code out[i] = op(x[i * inner .. (i + 1) * inner))}. Returns false for any other layout.
     */
    static boolean reduceSuffix(ReduceOp op, Strided x, Strided out) {
        View xv = x.view();
        if (xv.numel() >= Segments.PARALLEL_MIN || xv.numel() == 0 || !xv.isContiguous() || !fits(out)) {
            return false;
        }
        int rank = xv.rank();
        int first = rank;
        while (first > 0 && out.shape().dim(first - 1) == 1) {
            first--;
        }
        for (int i = 0; i < first; i++) {
            if (out.shape().dim(i) != xv.shape().dim(i)) {
                return false;
            }
        }
        int rows = out.view().numel();
        int inner = xv.numel() / rows;
        int xo = xv.offset();
        int oo = out.view().offset();
        if (x.dtype() == DType.F32) {
            float[] a = SimdBackend.f32(x.buffer());
            float[] o = SimdBackend.f32(out.buffer());
            for (int r = 0; r < rows; r++) {
                o[oo + r] = FloatKernels.reduce(op, a, xo + r * inner, inner);
            }
        } else {
            double[] a = SimdBackend.f64(x.buffer());
            double[] o = SimdBackend.f64(out.buffer());
            for (int r = 0; r < rows; r++) {
                o[oo + r] = DoubleKernels.reduce(op, a, xo + r * inner, inner);
            }
        }
        return true;
    }

    static void unary(UnaryOp op, Strided x, Strided out) {
        int n = out.view().numel();
        if (out.dtype() == DType.F32) {
            FloatKernels.unary(op, SimdBackend.f32(x.buffer()), x.view().offset(), SimdBackend.f32(out.buffer()),
                    out.view().offset(), n);
        } else {
            DoubleKernels.unary(op, SimdBackend.f64(x.buffer()), x.view().offset(), SimdBackend.f64(out.buffer()),
                    out.view().offset(), n);
        }
    }

    static void binary(BinaryOp op, Strided a, Strided b, Strided out) {
        int n = out.view().numel();
        boolean aScalar = n > 1 && !a.view().isContiguous();
        boolean bScalar = n > 1 && !b.view().isContiguous();
        if (out.dtype() == DType.F32) {
            FloatKernels.binary(op, SimdBackend.f32(a.buffer()), a.view().offset(), aScalar,
                    SimdBackend.f32(b.buffer()), b.view().offset(), bScalar,
                    SimdBackend.f32(out.buffer()), out.view().offset(), n);
        } else {
            DoubleKernels.binary(op, SimdBackend.f64(a.buffer()), a.view().offset(), aScalar,
                    SimdBackend.f64(b.buffer()), b.view().offset(), bScalar,
                    SimdBackend.f64(out.buffer()), out.view().offset(), n);
        }
    }
}
