package dev.nabla.tensor;

/**
 * Walks the elements of a shape in row-major order while tracking the buffer offset of the
 * current element in several views of that shape at once.
 *
 * <pre>{@code
 * StridedCursor c = new StridedCursor(shape, a.view(), out.view());
 * for (int i = 0; i < shape.numel(); i++, c.next()) {
 *     out[c.offset(1)] = f(a[c.offset(0)]);
 * }
 * }</pre>
 */
public final class StridedCursor {
    private final int[] dims;
    private final int[][] strides;
    private final int[] offsets;
    private final int[] index;

    /** A cursor at element 0 of {@code shape}; every view must have that shape. */
    public StridedCursor(Shape shape, View... views) {
        this.dims = shape.dims();
        this.strides = new int[views.length][];
        this.offsets = new int[views.length];
        for (int k = 0; k < views.length; k++) {
            if (!views[k].shape().equals(shape)) {
                throw new IllegalArgumentException("cursor: view shape " + views[k].shape() + " differs from " + shape);
            }
            strides[k] = views[k].strides();
            offsets[k] = views[k].offset();
        }
        this.index = new int[dims.length];
    }

    /** Buffer offset of the current element in view {@code k}. */
    public int offset(int k) {
        return offsets[k];
    }

    /** Moves to the next element in row-major order. */
    public void next() {
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            index[axis]++;
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] += strides[k][axis];
            }
            if (index[axis] < dims[axis]) {
                return;
            }
            for (int k = 0; k < offsets.length; k++) {
                offsets[k] -= strides[k][axis] * dims[axis];
            }
            index[axis] = 0;
        }
    }
}
