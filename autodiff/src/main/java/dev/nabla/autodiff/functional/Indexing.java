package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Gather;
import dev.nabla.autodiff.ops.Kernels;

/** Integer indexing: argument and index-value checks, lowered to the gather primitive. */
public final class Indexing {
    private Indexing() {
    }

    /** See {@code Tensor.gather}. */
    public static Tensor gather(Tensor x, int axis, Tensor index) {
        int a = x.shape().axis(axis, "gather");
        Kernels.requireSameDevice("gather", x, index);
        boolean fits = index.rank() == x.rank();
        for (int d = 0; fits && d < x.rank(); d++) {
            fits = d == a || index.dim(d) <= x.dim(d);
        }
        if (!fits) {
            throw new IllegalArgumentException("gather: index of shape " + index.shape() + " does not fit input "
                    + x.shape() + " along axis " + a + "; it needs the same rank and, on every other axis,"
                    + " a size no larger than the input's");
        }
        checkValues("gather", index, x.dim(a), a, x);
        return Gather.apply(x, a, index);
    }

    /** The slices of {@code x} at the positions in the 1-D {@code index}, along {@code axis}. */
    public static Tensor indexSelect(Tensor x, int axis, Tensor index) {
        int a = x.shape().axis(axis, "indexSelect");
        Kernels.requireSameDevice("indexSelect", x, index);
        if (index.rank() != 1) {
            throw new IllegalArgumentException("indexSelect: index must be 1-D, got shape " + index.shape());
        }
        checkValues("indexSelect", index, x.dim(a), a, x);
        int[] lineShape = new int[x.rank()];
        java.util.Arrays.fill(lineShape, 1);
        lineShape[a] = index.numel();
        Tensor expanded = index.reshape(lineShape).expand(x.shape().with(a, index.numel()).dims());
        return Gather.apply(x, a, expanded);
    }

    private static void checkValues(String op, Tensor index, int size, int axis, Tensor x) {
        double[] values = index.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 0 || v >= size) {
                throw new IllegalArgumentException(op + ": index value " + v + " at flat position " + i
                        + " is not an integer in [0, " + size + ") for axis " + axis + " of shape " + x.shape());
            }
        }
    }
}
