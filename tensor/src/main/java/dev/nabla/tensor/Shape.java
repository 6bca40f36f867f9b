package dev.nabla.tensor;

import java.util.Arrays;

/**
 * An immutable list of dimension sizes, outermost first. A rank-0 shape {@code []} holds one element.
 *
 * <p>Axis arguments may be negative and count from the end, as in PyTorch: axis -1 of a
 * {@code [2, 3]} shape is axis 1.
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int numel;
    private int[] contiguousStrides;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape: " + Arrays.toString(dims) + " has more than 2^31-1 elements; split the tensor");
            }
        }
        this.numel = (int) n;
    }

    /** A shape with the given sizes; every size must be >= 0. */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException(
                        "shape: " + Arrays.toString(dims) + " has a negative size at axis " + i);
            }
        }
        return new Shape(dims.clone());
    }

    /** The rank-0 shape {@code []}. */
    public static Shape scalar() {
        return SCALAR;
    }

    /** Number of axes. */
    public int rank() {
        return dims.length;
    }

    /** Size of {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return dims[axis(axis, "dim")];
    }

    /** A copy of the sizes. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements: the product of the sizes (1 for a scalar). */
    public int numel() {
        return numel;
    }

    /**
     * Normalizes a possibly negative axis into {@code [0, rank)}.
     *
     * @throws IllegalArgumentException naming {@code op} if the axis is out of range
     */
    public int axis(int axis, String op) {
        return normalizeAxis(axis, dims.length, op);
    }

    /** Normalizes {@code axis} for a shape of rank {@code rank}, naming {@code op} in the error. */
    public static int normalizeAxis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank "
                    + rank + "; valid axes are " + (rank == 0 ? "none (it is a scalar)" : -rank + ".." + (rank - 1)));
        }
        return a;
    }

    /** Row-major (C order) strides, in elements, for a contiguous tensor of this shape. */
    public int[] contiguousStrides() {
        int[] strides = contiguousStrides;
        if (strides == null) {
            strides = new int[dims.length];
            int s = 1;
            for (int i = dims.length - 1; i >= 0; i--) {
                strides[i] = s;
                s *= Math.max(dims[i], 1);
            }
            contiguousStrides = strides;
        }
        return strides.clone();
    }

    /** This shape with {@code axis} replaced by {@code size}. */
    public Shape with(int axis, int size) {
        int[] d = dims.clone();
        d[axis(axis, "shape")] = size;
        return of(d);
    }

    /**
     * The shape both operands broadcast to, by NumPy rules: align trailing axes; sizes must be
     * equal or one of them 1.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " do not broadcast: size " + da + " vs " + db + " at aligned axis " + (i - rank)
                        + "; sizes must match or be 1");
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** PyTorch-like form: {@code [2, 3]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
