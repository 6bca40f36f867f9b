package dev.nabla.tensor;

/** The element types a tensor can hold. Indices and booleans are stored as values of these. */
public enum DType {
    /** IEEE 754 binary32. The default for training. */
    F32(4),
    /** IEEE 754 binary64. Used for gradient checks and exact reference runs. */
    F64(8);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The largest integer n such that every integer in [0, n] is exactly representable. */
    public long maxExactInteger() {
        return this == F32 ? 1L << 24 : 1L << 53;
    }
}
