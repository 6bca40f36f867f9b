package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Extreme;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.autodiff.ops.LogSoftmax;
import dev.nabla.autodiff.ops.Sum;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.ReduceOp;

/**
 * Reductions over axes. {@code axes} may be negative; with {@code keepDim} the reduced axes stay
 * as size 1, otherwise they are removed. Mean, variance, log-sum-exp and the softmaxes are
 * composed from sum, max and elementwise ops, with no gradient code of their own.
 */
public final class Reductions {
    private Reductions() {
    }

    /** {@code 0, 1, ..., rank-1}. */
    public static int[] allAxes(Tensor x) {
        int[] axes = new int[x.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }

    public static Tensor sum(Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = flags("sum", x, axes);
        return finish(Sum.apply(x, reduced), reduced, keepDim);
    }

    /** Sum divided by the number of reduced elements (NaN when that is 0, as in PyTorch). */
    public static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = flags("mean", x, axes);
        return finish(Sum.apply(x, reduced), reduced, keepDim).div(count(x.shape(), reduced));
    }

    public static Tensor extreme(ReduceOp op, Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = flags(op == ReduceOp.MAX ? "max" : "min", x, axes);
        return finish(Extreme.apply(op, x, reduced), reduced, keepDim);
    }

    /** Index of the extreme along {@code axis}, as values of x's dtype; not differentiable. */
    public static Tensor argReduce(ArgReduceOp op, Tensor x, int axis, boolean keepDim) {
        int a = x.shape().axis(axis, op.name().toLowerCase());
        Tensor out = Kernels.argReduce(op, x, a);
        boolean[] reduced = new boolean[x.rank()];
        reduced[a] = true;
        return finish(out, reduced, keepDim);
    }

    /**
     * Mean squared deviation, dividing by {@code n - correction}. Its gradient is PyTorch's,
     * {@code 2 (x - mean) / (n - correction)}: the mean is taken detached, since its own gradient
     * term, a multiple of the deviations' sum, is 0 in exact arithmetic; kept, it would turn every
     * gradient of a group holding an infinity into NaN.
     */
    public static Tensor var(Tensor x, int[] axes, int correction, boolean keepDim) {
        boolean[] reduced = flags("var", x, axes);
        if (correction < 0) {
            throw new IllegalArgumentException("var: correction must be >= 0, got " + correction);
        }
        Tensor deviation = x.sub(mean(x.detach(), axes, true));
        Tensor squares = finish(Sum.apply(deviation.mul(deviation), reduced), reduced, keepDim);
        return squares.div(Math.max(0, count(x.shape(), reduced) - correction));
    }

    /**
     * {@code log(sum(exp(x)))}, shifted by the (detached) maximum so exp cannot overflow; infinite
     * maxima are not shifted, so all -inf gives -inf and any +inf gives +inf.
     */
    public static Tensor logSumExp(Tensor x, int[] axes, boolean keepDim) {
        boolean[] reduced = flags("logSumExp", x, axes);
        Tensor m = Extreme.apply(ReduceOp.MAX, x.detach(), reduced);
        m = Tensor.where(m.abs().eq(Double.POSITIVE_INFINITY), Kernels.zeroLike(m), m);
        Tensor shifted = Sum.apply(x.sub(m).exp(), reduced).log().add(m);
        return finish(shifted, reduced, keepDim);
    }

    /** {@code exp(x - max) / sum(exp(x - max))} along {@code axis}. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor e = x.sub(x.detach().max(axis, true)).exp();
        return e.div(e.sum(axis, true));
    }

    /**
     * {@code (x - m) - log(sum(exp(x - m)))} along {@code axis}, with {@code m} the maximum, as one
     * op with its own gradient. Subtracting {@code m} first keeps the result exact in F32 when |x|
     * is large; {@code x - logSumExp(x)} would round the large log-sum-exp before the subtraction.
     */
    public static Tensor logSoftmax(Tensor x, int axis) {
        return LogSoftmax.apply(x, x.shape().axis(axis, "logSoftmax"));
    }

    private static boolean[] flags(String op, Tensor x, int[] axes) {
        boolean[] reduced = new boolean[x.rank()];
        for (int axis : axes) {
            int a = x.shape().axis(axis, op);
            if (reduced[a]) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is listed twice in "
                        + java.util.Arrays.toString(axes) + " for shape " + x.shape());
            }
            reduced[a] = true;
        }
        return reduced;
    }

    private static int count(Shape shape, boolean[] reduced) {
        int n = 1;
        for (int i = 0; i < reduced.length; i++) {
            if (reduced[i]) {
                n *= shape.dim(i);
            }
        }
        return n;
    }

    /** Removes the reduced (size-1) axes unless {@code keepDim}. */
    private static Tensor finish(Tensor kept, boolean[] reduced, boolean keepDim) {
        if (keepDim) {
            return kept;
        }
        int[] dims = kept.shape().dims();
        int n = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!reduced[i]) {
                dims[n++] = dims[i];
            }
        }
        return kept.reshape(java.util.Arrays.copyOf(dims, n));
    }
}
