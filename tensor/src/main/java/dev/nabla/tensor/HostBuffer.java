package dev.nabla.tensor;

/**
 * A buffer in the JVM heap, shared by the CPU backends: a {@code float[]} for F32 or a
 * {@code double[]} for F64. Element access through {@link #get}/{@link #set} converts to and
 * from double, which is exact for F32 values.
 */
public sealed interface HostBuffer extends Buffer permits HostBuffer.F32, HostBuffer.F64 {

    /** A zero-filled buffer of {@code size} elements. */
    static HostBuffer allocate(DType dtype, int size) {
        return dtype == DType.F32 ? new F32(new float[size]) : new F64(new double[size]);
    }

    /** Element {@code i} as a double. */
    double get(int i);

    /** Stores {@code v} at {@code i}, rounding to float for F32. */
    void set(int i, double v);

    /** F32 storage. */
    record F32(float[] data) implements HostBuffer {
        @Override
        public DType dtype() {
            return DType.F32;
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public double get(int i) {
            return data[i];
        }

        @Override
        public void set(int i, double v) {
            data[i] = (float) v;
        }
    }

    /** F64 storage. */
    record F64(double[] data) implements HostBuffer {
        @Override
        public DType dtype() {
            return DType.F64;
        }

        @Override
        public int size() {
            return data.length;
        }

        @Override
        public double get(int i) {
            return data[i];
        }

        @Override
        public void set(int i, double v) {
            data[i] = v;
        }
    }
}
