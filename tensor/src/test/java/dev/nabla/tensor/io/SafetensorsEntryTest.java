package dev.nabla.tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Shape;
import org.junit.jupiter.api.Test;

class SafetensorsEntryTest {

    @Test
    void floatEntryStoresLittleEndianBytes() {
        SafetensorsEntry e = SafetensorsEntry.of(Shape.of(2), new float[] {1.0f, -2.0f});
        assertThat(e.dtype()).isEqualTo(SafetensorsDType.F32);
        assertThat(e.shape()).isEqualTo(Shape.of(2));
        assertThat(e.data()).containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
        assertThat(e.toFloatArray()).containsExactly(1.0f, -2.0f);
    }

    @Test
    void doubleAndLongEntriesRoundTrip() {
        double[] d = {0.1, -0.0, Double.MAX_VALUE, Double.NaN, 1e-310, 6};
        SafetensorsEntry f64 = SafetensorsEntry.of(Shape.of(2, 3), d);
        assertThat(f64.dtype()).isEqualTo(SafetensorsDType.F64);
        assertThat(f64.data()).hasSize(48);
        assertThat(f64.toDoubleArray()).containsExactly(d);
        assertThat(f64.toFloatArray()).containsExactly(0.1f, -0.0f, Float.POSITIVE_INFINITY, Float.NaN, 0f, 6f);

        long[] l = {Long.MIN_VALUE, -1, 0, 1L << 40};
        SafetensorsEntry i64 = SafetensorsEntry.ofLongs(Shape.of(4), l);
        assertThat(i64.dtype()).isEqualTo(SafetensorsDType.I64);
        assertThat(i64.data()).startsWith(0, 0, 0, 0, 0, 0, 0, 0x80);
        assertThat(i64.toDoubleArray()).containsExactly(-0x1p63, -1, 0, 0x1p40);
        assertThat(i64.toFloatArray()).containsExactly(-0x1p63f, -1, 0, 0x1p40f);
    }

    @Test
    void convertsHalfPrecisionDataToFloats() {
        SafetensorsEntry half = new SafetensorsEntry(SafetensorsDType.F16, Shape.of(2),
                new byte[] {0x00, 0x3C, 0x01, (byte) 0x80});
        assertThat(half.toFloatArray()).containsExactly(1.0f, -0x1p-24f);
        assertThat(half.toDoubleArray()).containsExactly(1.0, -0x1p-24);
    }

    @Test
    void scalarAndEmptyShapes() {
        SafetensorsEntry scalar = SafetensorsEntry.of(Shape.scalar(), new float[] {3f});
        assertThat(scalar.data()).hasSize(4);
        assertThat(scalar.toFloatArray()).containsExactly(3f);
        SafetensorsEntry empty = SafetensorsEntry.of(Shape.of(0, 5), new double[0]);
        assertThat(empty.data()).isEmpty();
        assertThat(empty.toDoubleArray()).isEmpty();
    }

    @Test
    void isImmutableThroughDefensiveCopies() {
        byte[] bytes = {1, 2, 3, 4};
        SafetensorsEntry e = new SafetensorsEntry(SafetensorsDType.U8, Shape.of(4), bytes);
        bytes[0] = 9;
        e.data()[1] = 9;
        assertThat(e.data()).containsExactly(1, 2, 3, 4);
        float[] values = {5f};
        SafetensorsEntry f = SafetensorsEntry.of(Shape.of(1), values);
        values[0] = 6f;
        assertThat(f.toFloatArray()).containsExactly(5f);
    }

    @Test
    void rejectsDataOfTheWrongLength() {
        assertThatThrownBy(() -> new SafetensorsEntry(SafetensorsDType.F32, Shape.of(2, 3), new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safetensors: F32 [2, 3] needs 24 bytes (6 elements x 4 bytes), got 20");
    }

    @Test
    void rejectsValueCountsThatDoNotMatchTheShape() {
        assertThatThrownBy(() -> SafetensorsEntry.of(Shape.of(2, 3), new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safetensors: shape [2, 3] needs 6 values, got 5");
        assertThatThrownBy(() -> SafetensorsEntry.ofLongs(Shape.scalar(), new long[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safetensors: shape [] needs 1 values, got 0");
    }

    @Test
    void equalityComparesContents() {
        SafetensorsEntry a = SafetensorsEntry.of(Shape.of(2), new float[] {1, 2});
        SafetensorsEntry b = SafetensorsEntry.of(Shape.of(2), new float[] {1, 2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(SafetensorsEntry.of(Shape.of(2), new float[] {1, 3}));
        assertThat(a).isNotEqualTo(SafetensorsEntry.of(Shape.of(1, 2), new float[] {1, 2}));
        assertThat(a).isNotEqualTo(new SafetensorsEntry(SafetensorsDType.I32, Shape.of(2), a.data()));
        assertThat(a).hasToString("SafetensorsEntry[F32 [2], 8 bytes]");
    }
}
