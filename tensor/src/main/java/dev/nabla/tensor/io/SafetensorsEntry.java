package dev.nabla.tensor.io;

import dev.nabla.tensor.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One tensor of a safetensors file: its element type, its shape, and its elements as
 * little-endian bytes in row-major (C) order.
 *
 * <p>Immutable: the constructor copies {@code data} and {@link #data()} returns a copy, so neither
 * the caller's array nor the returned one can change the entry.
 *
 * @param dtype the element type
 * @param shape the shape; {@code []} holds one element, a shape with a 0 size holds none
 * @param data exactly {@code shape.numel() * dtype.byteSize()} bytes
 */
public record SafetensorsEntry(SafetensorsDType dtype, Shape shape, byte[] data) {

    /**
     * @throws IllegalArgumentException if {@code data.length != shape.numel() * dtype.byteSize()}
     */
    public SafetensorsEntry {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long expected = (long) shape.numel() * dtype.byteSize();
        if (data.length != expected) {
            throw new IllegalArgumentException("safetensors: " + dtype + " " + shape + " needs " + expected
                    + " bytes (" + shape.numel() + " elements x " + dtype.byteSize() + " bytes), got " + data.length);
        }
        data = data.clone();
    }

    /** An F32 entry holding {@code values} (row-major), which must have {@code shape.numel()} elements. */
    public static SafetensorsEntry of(Shape shape, float[] values) {
        return new SafetensorsEntry(SafetensorsDType.F32, shape,
                encode(shape, values.length, SafetensorsDType.F32, b -> b.asFloatBuffer().put(values)));
    }

    /** An F64 entry holding {@code values} (row-major), which must have {@code shape.numel()} elements. */
    public static SafetensorsEntry of(Shape shape, double[] values) {
        return new SafetensorsEntry(SafetensorsDType.F64, shape,
                encode(shape, values.length, SafetensorsDType.F64, b -> b.asDoubleBuffer().put(values)));
    }

    /** An I64 entry holding {@code values} (row-major), which must have {@code shape.numel()} elements. */
    public static SafetensorsEntry ofLongs(Shape shape, long[] values) {
        return new SafetensorsEntry(SafetensorsDType.I64, shape,
                encode(shape, values.length, SafetensorsDType.I64, b -> b.asLongBuffer().put(values)));
    }

    /** A copy of the little-endian element bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The elements converted to float, row-major, whatever the dtype: F64 and large integers
     * round to nearest, BOOL gives 0 or 1.
     */
    public float[] toFloatArray() {
        float[] out = new float[shape.numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) dtype.decode(data, i);
        }
        return out;
    }

    /**
     * The elements converted to double, row-major, whatever the dtype: exact except for I64
     * values beyond 2^53 in magnitude, which round; BOOL gives 0 or 1.
     */
    public double[] toDoubleArray() {
        double[] out = new double[shape.numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype.decode(data, i);
        }
        return out;
    }

    /** Equal when dtype, shape and every byte are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SafetensorsEntry e && dtype == e.dtype && shape.equals(e.shape)
                && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, shape, Arrays.hashCode(data));
    }

    /** For example {@code SafetensorsEntry[F32 [2, 3], 24 bytes]}; the data is left out. */
    @Override
    public String toString() {
        return "SafetensorsEntry[" + dtype + " " + shape + ", " + data.length + " bytes]";
    }

    private static byte[] encode(Shape shape, int count, SafetensorsDType dtype, Consumer<ByteBuffer> filler) {
        if (count != shape.numel()) {
            throw new IllegalArgumentException("safetensors: shape " + shape + " needs " + shape.numel()
                    + " values, got " + count);
        }
        long bytes = (long) count * dtype.byteSize();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors: " + dtype + " " + shape + " needs " + bytes
                    + " bytes, beyond the 2 GiB limit of one entry; split the tensor");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        filler.accept(buffer);
        return buffer.array();
    }
}
