package dev.nabla.tensor;

import java.util.Arrays;

/**
 * How a tensor's elements sit in its buffer: a shape, a stride per axis (in elements, possibly 0
 * for broadcast axes or negative for flipped ones) and the offset of element {@code [0, ..., 0]}.
 *
 * <p>Every movement operation (reshape when possible, permute, transpose, expand, slice, flip,
 * squeeze, unsqueeze) is a new {@code View} over the same buffer: no data is copied.
 */
public final class View {
    private final Shape shape;
    private final int[] strides;
    private final int offset;
    private final boolean contiguous;

    private View(Shape shape, int[] strides, int offset) {
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.contiguous = rowMajor(shape, strides);
    }

    /** A row-major view of a fresh buffer holding {@code shape.numel()} elements. */
    public static View contiguous(Shape shape) {
        return new View(shape, shape.contiguousStrides(), 0);
    }

    /**
     * A view with explicit strides and offset. The caller guarantees that every element lies
     * inside the buffer it will be used with.
     */
    public static View of(Shape shape, int[] strides, int offset) {
        if (strides.length != shape.rank()) {
            throw new IllegalArgumentException("view: " + strides.length + " strides for shape " + shape);
        }
        return new View(shape, strides.clone(), offset);
    }

    public Shape shape() {
        return shape;
    }

    /** A copy of the strides, in elements. */
    public int[] strides() {
        return strides.clone();
    }

    /** Stride of {@code axis} (non-negative axis). */
    public int stride(int axis) {
        return strides[axis];
    }

    /** Position of element {@code [0, ..., 0]} in the buffer. */
    public int offset() {
        return offset;
    }

    public int rank() {
        return shape.rank();
    }

    public int numel() {
        return shape.numel();
    }

    /** True when the elements are laid out row-major with no gaps, starting anywhere. */
    public boolean isContiguous() {
        return contiguous;
    }

    private static boolean rowMajor(Shape shape, int[] strides) {
        int expected = 1;
        for (int i = strides.length - 1; i >= 0; i--) {
            int d = shape.dim(i);
            if (d != 1 && strides[i] != expected) {
                return false;
            }
            expected *= d;
        }
        return true;
    }

    /** Buffer index of the element at {@code index} (one entry per axis). */
    public int indexOf(int... index) {
        int p = offset;
        for (int i = 0; i < index.length; i++) {
            p += index[i] * strides[i];
        }
        return p;
    }

    /**
     * Axes reordered: axis {@code i} of the result is axis {@code order[i]} of this view.
     *
     * @throws IllegalArgumentException if {@code order} is not a permutation of the axes
     */
    public View permute(int... order) {
        int rank = rank();
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: got " + order.length + " axes " + Arrays.toString(order)
                    + " for a tensor of shape " + shape + "; give one entry per axis");
        }
        boolean[] seen = new boolean[rank];
        int[] dims = new int[rank];
        int[] st = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shape.normalizeAxis(order[i], rank, "permute");
            if (seen[a]) {
                throw new IllegalArgumentException("permute: axis " + a + " appears twice in " + Arrays.toString(order));
            }
            seen[a] = true;
            dims[i] = shape.dim(a);
            st[i] = strides[a];
        }
        return new View(Shape.of(dims), st, offset);
    }

    /**
     * This view broadcast to {@code target}: new leading axes and size-1 axes get stride 0.
     *
     * @throws IllegalArgumentException if the shapes are not broadcast-compatible in that direction
     */
    public View expand(Shape target) {
        if (target.equals(shape)) {
            return this;
        }
        int rank = target.rank();
        int lead = rank - shape.rank();
        if (lead < 0) {
            throw new IllegalArgumentException("expand: cannot expand shape " + shape + " to fewer axes " + target);
        }
        int[] st = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (i < lead) {
                continue;
            }
            int from = shape.dim(i - lead);
            int to = target.dim(i);
            if (from == to) {
                st[i] = strides[i - lead];
            } else if (from != 1) {
                throw new IllegalArgumentException("expand: cannot expand shape " + shape + " to " + target
                        + ": axis " + i + " has size " + from + ", and only size-1 axes can grow");
            }
        }
        return new View(target, st, offset);
    }

    /**
     * Elements {@code start, start+step, ...} below {@code end} along {@code axis}.
     * Bounds are clamped like Python slices after negative values are counted from the end.
     */
    public View slice(int axis, int start, int end, int step) {
        int a = shape.axis(axis, "slice");
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step + "; use flip() to reverse");
        }
        int n = shape.dim(a);
        int s = clampIndex(start, n);
        int e = clampIndex(end, n);
        int len = e > s ? (e - s + step - 1) / step : 0;
        int[] st = strides.clone();
        st[a] = strides[a] * step;
        int off = len == 0 ? offset : offset + s * strides[a];
        return new View(shape.with(a, len), st, off);
    }

    private static int clampIndex(int i, int n) {
        int j = i < 0 ? i + n : i;
        return Math.max(0, Math.min(n, j));
    }

    /** The order of elements reversed along each of {@code axes}. */
    public View flip(int... axes) {
        int[] st = strides.clone();
        int off = offset;
        boolean[] seen = new boolean[rank()];
        for (int axis : axes) {
            int a = shape.axis(axis, "flip");
            if (seen[a]) {
                throw new IllegalArgumentException("flip: axis " + a + " appears twice in " + Arrays.toString(axes));
            }
            seen[a] = true;
            if (shape.dim(a) > 0) {
                off += (shape.dim(a) - 1) * st[a];
            }
            st[a] = -st[a];
        }
        return new View(shape, st, off);
    }

    /**
     * The same elements with a new shape of equal size, if the strides allow it without a copy;
     * {@code null} otherwise (a reshape must then copy).
     */
    public View reshape(Shape target) {
        if (target.numel() != shape.numel()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + shape + " (" + shape.numel()
                    + " elements) to " + target + " (" + target.numel() + " elements)");
        }
        if (isContiguous() || shape.numel() == 0) {
            return new View(target, target.contiguousStrides(), offset);
        }
        return reshapeStrided(target);
    }

    /**
     * Splits and merges groups of axes, as PyTorch's view does: a group of source axes can be
     * merged only when it is contiguous within itself.
     */
    private View reshapeStrided(Shape target) {
        int[] newStrides = new int[target.rank()];
        int src = 0;
        int dst = 0;
        int srcRank = rank();
        int dstRank = target.rank();
        while (src < srcRank || dst < dstRank) {
            // Skip size-1 axes on both sides: their strides do not matter.
            if (src < srcRank && shape.dim(src) == 1) {
                src++;
                continue;
            }
            if (dst < dstRank && target.dim(dst) == 1) {
                newStrides[dst++] = 0;
                continue;
            }
            if (src >= srcRank || dst >= dstRank) {
                return null;
            }
            // Grow a group on each side until the element counts agree.
            int srcStart = src;
            long srcCount = shape.dim(src++);
            int dstStart = dst;
            long dstCount = target.dim(dst++);
            while (srcCount != dstCount) {
                if (srcCount < dstCount) {
                    srcCount *= shape.dim(src++);
                } else {
                    dstCount *= target.dim(dst++);
                }
            }
            if (!mergeable(srcStart, src)) {
                return null;
            }
            int inner = innermostStride(srcStart, src);
            for (int i = dst - 1; i >= dstStart; i--) {
                newStrides[i] = inner;
                inner *= target.dim(i);
            }
        }
        return new View(target, newStrides, offset);
    }

    /** Whether the non-unit axes in [from, to) are nested contiguously in one another. */
    private boolean mergeable(int from, int to) {
        int prev = -1;
        for (int i = to - 1; i >= from; i--) {
            if (shape.dim(i) == 1) {
                continue;
            }
            if (prev >= 0 && strides[i] != strides[prev] * shape.dim(prev)) {
                return false;
            }
            prev = i;
        }
        return true;
    }

    private int innermostStride(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (shape.dim(i) != 1) {
                return strides[i];
            }
        }
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof View v && offset == v.offset && shape.equals(v.shape) && Arrays.equals(strides, v.strides);
    }

    @Override
    public int hashCode() {
        return shape.hashCode() * 31 + Arrays.hashCode(strides) + offset;
    }

    @Override
    public String toString() {
        return "View" + shape + " strides " + Arrays.toString(strides) + " offset " + offset;
    }
}
