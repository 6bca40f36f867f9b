package dev.nabla.simd;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import java.util.Arrays;

/**
 * How to walk several same-shaped strided operands as rows: adjacent axes that every operand
 * lays out contiguously with respect to each other are merged, so the innermost run is as long
 * as possible and the kernels see {@code rows} runs of {@code length} elements, with one inner
 * stride per operand (1 for contiguous, 0 for broadcast, anything else for strided).
 */
final class Rows {
    final int rows;
    final int length;
    final int[] innerStrides;
    private final int[] outerDims;
    private final int[][] outerStrides;
    private final int[] offsets;

    private Rows(int rows, int length, int[] innerStrides, int[] outerDims, int[][] outerStrides, int[] offsets) {
        this.rows = rows;
        this.length = length;
        this.innerStrides = innerStrides;
        this.outerDims = outerDims;
        this.outerStrides = outerStrides;
        this.offsets = offsets;
    }

    /** Plans the walk of {@code views}, which all have shape {@code shape}. */
    static Rows plan(Shape shape, View... views) {
        int k = views.length;
        int[] offsets = new int[k];
        for (int v = 0; v < k; v++) {
            offsets[v] = views[v].offset();
        }
        if (shape.numel() == 0) {
            return new Rows(0, 0, new int[k], new int[0], new int[k][0], offsets);
        }
        // Keep the axes of size > 1, innermost last, then merge neighbours that nest exactly.
        int[] dims = new int[shape.rank()];
        int[][] strides = new int[k][shape.rank()];
        int n = 0;
        for (int axis = 0; axis < shape.rank(); axis++) {
            if (shape.dim(axis) == 1) {
                continue;
            }
            if (n > 0 && nests(views, axis, n, dims, strides, shape.dim(axis))) {
                dims[n - 1] *= shape.dim(axis);
                for (int v = 0; v < k; v++) {
                    strides[v][n - 1] = views[v].stride(axis);
                }
                continue;
            }
            dims[n] = shape.dim(axis);
            for (int v = 0; v < k; v++) {
                strides[v][n] = views[v].stride(axis);
            }
            n++;
        }
        if (n == 0) {
            return new Rows(1, 1, new int[k], new int[0], new int[k][0], offsets);
        }
        int[] inner = new int[k];
        int[][] outer = new int[k][];
        for (int v = 0; v < k; v++) {
            inner[v] = strides[v][n - 1];
            outer[v] = Arrays.copyOf(strides[v], n - 1);
        }
        int[] outerDims = Arrays.copyOf(dims, n - 1);
        int rows = 1;
        for (int d : outerDims) {
            rows *= d;
        }
        return new Rows(rows, dims[n - 1], inner, outerDims, outer, offsets);
    }

    /** Whether axis {@code axis} (size {@code size}) continues the last merged axis in every view. */
    private static boolean nests(View[] views, int axis, int n, int[] dims, int[][] strides, int size) {
        for (int v = 0; v < views.length; v++) {
            if (strides[v][n - 1] != views[v].stride(axis) * size) {
                return false;
            }
        }
        return true;
    }

    /** Writes the offset of the first element of {@code row} in each operand into {@code out}. */
    void rowStart(int row, int[] out) {
        System.arraycopy(offsets, 0, out, 0, offsets.length);
        int r = row;
        for (int axis = outerDims.length - 1; axis >= 0 && r > 0; axis--) {
            int i = r % outerDims[axis];
            r /= outerDims[axis];
            for (int v = 0; v < out.length; v++) {
                out[v] += i * outerStrides[v][axis];
            }
        }
    }

    /** True when operand {@code v} is contiguous along the inner run. */
    boolean unit(int v) {
        return innerStrides[v] == 1 || length == 1;
    }

    /** True when operand {@code v} repeats one value along the inner run. */
    boolean broadcast(int v) {
        return innerStrides[v] == 0 && length > 1;
    }
}
