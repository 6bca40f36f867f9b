package dev.nabla.tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetensorsDTypeTest {

    @Test
    void byteSizesMatchTheFormat() {
        assertThat(SafetensorsDType.values()).extracting(SafetensorsDType::byteSize)
                .containsExactly(8, 4, 2, 2, 8, 4, 2, 1, 1, 1);
        assertThat(SafetensorsDType.values()).extracting(Enum::name)
                .containsExactly("F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL");
    }

    @ParameterizedTest(name = "F16 {0} = {1}")
    @CsvSource({
        "3C00, 1.0",
        "C000, -2.0",
        "7BFF, 65504.0",
        "3555, 0.333251953125",
        "0001, 5.9604644775390625E-8",
        "03FF, 6.097555160522461E-5",
        "0400, 6.103515625E-5",
        "8001, -5.9604644775390625E-8",
        "0000, 0.0",
        "8000, -0.0",
        "7C00, Infinity",
        "FC00, -Infinity",
        "7E00, NaN",
        "7C01, NaN",
    })
    void decodesHalfPrecisionIncludingSubnormalsAndSpecials(String hex, double expected) {
        assertDecodes(SafetensorsDType.F16, hex, expected);
    }

    @ParameterizedTest(name = "BF16 {0} = {1}")
    @CsvSource({
        "3F80, 1.0",
        "C020, -2.5",
        "4049, 3.140625",
        "0001, 9.183549615799121E-41",
        "7F7F, 3.3895313892515355E38",
        "8000, -0.0",
        "7F80, Infinity",
        "FF80, -Infinity",
        "7FC0, NaN",
    })
    void decodesBfloat16IncludingSubnormalsAndSpecials(String hex, double expected) {
        assertDecodes(SafetensorsDType.BF16, hex, expected);
    }

    @Test
    void decodesIntegersWithTheirSignedness() {
        byte[] b = {(byte) 0x80, (byte) 0xFF, 0x01, 0x00};
        assertThat(SafetensorsDType.I8.decode(b, 0)).isEqualTo(-128.0);
        assertThat(SafetensorsDType.U8.decode(b, 0)).isEqualTo(128.0);
        assertThat(SafetensorsDType.U8.decode(b, 1)).isEqualTo(255.0);
        assertThat(SafetensorsDType.I16.decode(b, 0)).isEqualTo(-128.0);
        assertThat(SafetensorsDType.I16.decode(b, 1)).isEqualTo(1.0);
        assertThat(SafetensorsDType.I32.decode(b, 0)).isEqualTo(0x0001FF80);
        assertThat(SafetensorsDType.BOOL.decode(b, 2)).isEqualTo(1.0);
        assertThat(SafetensorsDType.BOOL.decode(b, 3)).isEqualTo(0.0);
        assertThat(SafetensorsDType.BOOL.decode(b, 1)).isEqualTo(1.0);
    }

    @Test
    void decodesWideTypesAtTheElementIndexLittleEndian() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, Long.MIN_VALUE).putLong(8, -(1L << 53)).putLong(16, 42);
        assertThat(SafetensorsDType.I64.decode(b.array(), 0)).isEqualTo(-0x1p63);
        assertThat(SafetensorsDType.I64.decode(b.array(), 1)).isEqualTo(-0x1p53);
        assertThat(SafetensorsDType.I64.decode(b.array(), 2)).isEqualTo(42.0);
        b.putInt(0, Integer.MIN_VALUE).putInt(4, 7);
        assertThat(SafetensorsDType.I32.decode(b.array(), 0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(SafetensorsDType.I32.decode(b.array(), 1)).isEqualTo(7.0);
        b.putFloat(4, 0.1f).putFloat(8, Float.MIN_VALUE);
        assertThat(SafetensorsDType.F32.decode(b.array(), 1)).isEqualTo((double) 0.1f);
        assertThat(SafetensorsDType.F32.decode(b.array(), 2)).isEqualTo((double) Float.MIN_VALUE);
        b.putDouble(16, -0.1);
        assertThat(SafetensorsDType.F64.decode(b.array(), 2)).isEqualTo(-0.1);
    }

    @Test
    void decodingPastTheEndFails() {
        assertThatThrownBy(() -> SafetensorsDType.F32.decode(new byte[6], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static void assertDecodes(SafetensorsDType dtype, String hex, double expected) {
        int bits = Integer.parseInt(hex, 16);
        double actual = dtype.decode(new byte[] {(byte) bits, (byte) (bits >>> 8)}, 0);
        // Boxed comparison: NaN equals NaN, and -0.0 differs from 0.0.
        assertThat(Double.valueOf(actual)).isEqualTo(Double.valueOf(expected));
    }
}
