package dev.nabla.opencl;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import java.util.Arrays;

/**
 * An index space walked by a kernel and where each operand's elements sit in it, in the form the
 * kernels take: {@code dims_t} and one {@code layout_t} per operand (see {@code common.cl}).
 *
 * <p>Axes of size 1 are dropped, and neighbouring axes merged wherever every operand's strides
 * allow it, so most operands reach the kernel as rank 1 or 2, whatever their logical rank.
 */
final class Geometry {
    /** The most axes a kernel walks after merging; see {@code MAX_RANK} in {@code common.cl}. */
    static final int MAX_RANK = 8;

    final int numel;
    final int rank;
    /** dims_t: the merged sizes, padded to MAX_RANK. */
    final int[] dims;
    private final int[][] layouts;

    private Geometry(int numel, int rank, int[] dims, int[][] layouts) {
        this.numel = numel;
        this.rank = rank;
        this.dims = dims;
        this.layouts = layouts;
    }

    /** The index space of {@code shape} with operands seen through {@code views}. */
    static Geometry of(String op, Shape shape, View... views) {
        int[][] strides = new int[views.length][];
        int[] offsets = new int[views.length];
        for (int i = 0; i < views.length; i++) {
            strides[i] = views[i].strides();
            offsets[i] = views[i].offset();
        }
        return of(op, shape.dims(), strides, offsets);
    }

    /**
     * The index space of {@code dims} with operand {@code i} at {@code offsets[i]} with
     * {@code strides[i]} (one per axis).
     *
     * @throws IllegalArgumentException if more than {@link #MAX_RANK} axes remain after merging
     */
    static Geometry of(String op, int[] dims, int[][] strides, int[] offsets) {
        int ops = strides.length;
        int[] d = new int[dims.length];
        int[][] st = new int[ops][dims.length];
        int rank = 0;
        long numel = 1;
        // From the innermost axis out: drop size-1 axes, merge an axis into the previous kept one
        // when each operand steps over it exactly as over a longer inner axis.
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            numel *= dims[axis];
            if (dims[axis] == 1) {
                continue;
            }
            if (rank > 0 && mergeable(strides, axis, st, rank - 1, d[rank - 1])) {
                d[rank - 1] *= dims[axis];
                continue;
            }
            d[rank] = dims[axis];
            for (int o = 0; o < ops; o++) {
                st[o][rank] = strides[o][axis];
            }
            rank++;
        }
        if (rank > MAX_RANK) {
            throw new IllegalArgumentException(op + ": operands of shape " + Arrays.toString(dims) + " need " + rank
                    + " axes after merging contiguous ones, more than the OpenCL kernels' " + MAX_RANK
                    + "; make the operands contiguous first (.contiguous()) or reshape to fewer axes");
        }
        // Reverse into outermost-first order, padded to MAX_RANK.
        int[] outDims = new int[MAX_RANK];
        int[][] layouts = new int[ops][MAX_RANK + 1];
        for (int k = 0; k < rank; k++) {
            outDims[k] = d[rank - 1 - k];
            for (int o = 0; o < ops; o++) {
                layouts[o][k + 1] = st[o][rank - 1 - k];
            }
        }
        for (int o = 0; o < ops; o++) {
            layouts[o][0] = offsets[o];
        }
        return new Geometry((int) numel, rank, outDims, layouts);
    }

    private static boolean mergeable(int[][] strides, int axis, int[][] kept, int inner, int innerSize) {
        for (int o = 0; o < strides.length; o++) {
            if ((long) strides[o][axis] != (long) kept[o][inner] * innerSize) {
                return false;
            }
        }
        return true;
    }

    /** Operands a geom_t holds; see {@code MAX_OPERANDS} in {@code common.cl}. */
    static final int MAX_OPERANDS = 4;

    /** geom_t: numel, rank, dims_t, then the layout_t of each operand (unused ones zero). */
    int[] packed() {
        int[] g = new int[2 + MAX_RANK + MAX_OPERANDS * (MAX_RANK + 1)];
        g[0] = numel;
        g[1] = rank;
        System.arraycopy(dims, 0, g, 2, MAX_RANK);
        for (int o = 0; o < layouts.length; o++) {
            System.arraycopy(layouts[o], 0, g, 2 + MAX_RANK + o * (MAX_RANK + 1), MAX_RANK + 1);
        }
        return g;
    }

    /** layout_t of operand {@code i}: its offset, then its merged strides. */
    int[] layout(int i) {
        return layouts[i];
    }
}
