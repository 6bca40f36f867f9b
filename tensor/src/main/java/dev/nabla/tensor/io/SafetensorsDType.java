package dev.nabla.tensor.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The element types of the safetensors format that Nabla reads, named by their header strings
 * ({@code "F32"}, {@code "BF16"}, ...). Elements are stored little-endian.
 *
 * <p>Nabla computes in F32 and F64 only; the other types exist so that files written elsewhere
 * (a PyTorch BatchNorm's I64 {@code num_batches_tracked}, F16 or BF16 weights) can be read and
 * converted with {@link #decode}.
 */
public enum SafetensorsDType {
    /** IEEE 754 binary64. */
    F64(8) {
        @Override
        public double decode(byte[] data, int index) {
            return (double) DOUBLE.get(data, index * 8);
        }
    },
    /** IEEE 754 binary32. */
    F32(4) {
        @Override
        public double decode(byte[] data, int index) {
            return (float) FLOAT.get(data, index * 4);
        }
    },
    /** IEEE 754 binary16: 1 sign, 5 exponent, 10 fraction bits. */
    F16(2) {
        @Override
        public double decode(byte[] data, int index) {
            return halfToDouble((short) SHORT.get(data, index * 2) & 0xFFFF);
        }
    },
    /** bfloat16: the upper 16 bits of an IEEE 754 binary32. */
    BF16(2) {
        @Override
        public double decode(byte[] data, int index) {
            return Float.intBitsToFloat(((short) SHORT.get(data, index * 2) & 0xFFFF) << 16);
        }
    },
    /** Signed 64-bit integer; values beyond 2^53 in magnitude round when decoded to double. */
    I64(8) {
        @Override
        public double decode(byte[] data, int index) {
            return (long) LONG.get(data, index * 8);
        }
    },
    /** Signed 32-bit integer. */
    I32(4) {
        @Override
        public double decode(byte[] data, int index) {
            return (int) INT.get(data, index * 4);
        }
    },
    /** Signed 16-bit integer. */
    I16(2) {
        @Override
        public double decode(byte[] data, int index) {
            return (short) SHORT.get(data, index * 2);
        }
    },
    /** Signed 8-bit integer. */
    I8(1) {
        @Override
        public double decode(byte[] data, int index) {
            return data[index];
        }
    },
    /** Unsigned 8-bit integer. */
    U8(1) {
        @Override
        public double decode(byte[] data, int index) {
            return data[index] & 0xFF;
        }
    },
    /** One byte per element; decodes to 1.0 when non-zero, else 0.0. */
    BOOL(1) {
        @Override
        public double decode(byte[] data, int index) {
            return data[index] != 0 ? 1.0 : 0.0;
        }
    };

    private static final VarHandle SHORT = littleEndian(short[].class);
    private static final VarHandle INT = littleEndian(int[].class);
    private static final VarHandle LONG = littleEndian(long[].class);
    private static final VarHandle FLOAT = littleEndian(float[].class);
    private static final VarHandle DOUBLE = littleEndian(double[].class);

    private final int byteSize;

    SafetensorsDType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Decodes element {@code index} of little-endian {@code data} (at byte offset
     * {@code index * byteSize()}). Floating-point types keep infinities, NaN, signed zeros and
     * subnormals; integer types convert exactly up to 2^53 in magnitude.
     *
     * @throws IndexOutOfBoundsException if the element does not lie inside {@code data}
     */
    public abstract double decode(byte[] data, int index);

    /** The type whose header string is {@code name} (case-sensitive, as in the format), or null if none. */
    static SafetensorsDType forName(String name) {
        for (SafetensorsDType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static VarHandle littleEndian(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    /** Widens binary16 bits exactly: every half value is representable as a double. */
    private static double halfToDouble(int bits) {
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude;
        if (exponent == 0) {
            magnitude = fraction * 0x1p-24;
        } else if (exponent == 0x1F) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = Math.scalb((double) (0x400 | fraction), exponent - 25);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
