package dev.nabla.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture reader parses what the generator writes and rejects damaged files with an offset. */
class FixtureReaderTest {
    private static byte[] safetensors(String header, double... data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        for (double d : data) {
            buf.putDouble(d);
        }
        return buf.array();
    }

    @Test
    void readsTensorsInHeaderOrder() {
        byte[] file = safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[16,24]}}", 1.5, -2, 7);
        Map<String, FixtureReader.Stored> t = FixtureReader.readSafetensors("t", file);
        assertThat(t.get("a").data()).containsExactly(1.5, -2);
        assertThat(t.get("b").shape()).isEmpty();
        assertThat(t.get("b").data()).containsExactly(7);
    }

    @Test
    void rejectsGapsAndTruncation() {
        String gap = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        assertThatThrownBy(() -> FixtureReader.readSafetensors("t", safetensors(gap, 1, 2)))
                .hasMessageContaining("tensor 'a'").hasMessageContaining("offset");
        String one = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        assertThatThrownBy(() -> FixtureReader.readSafetensors("t", safetensors(one, 1)))
                .hasMessageContaining("tensor 'a'");
        assertThatThrownBy(() -> FixtureReader.readSafetensors("t", safetensors(one, 1, 2, 3)))
                .hasMessageContaining("8 bytes after the last tensor");
    }

    @Test
    void parsesJsonAndReportsTheOffsetOfAnError() {
        Object v = FixtureReader.parseJson("j", "{\"a\": [1, -2.5e1, true, null, \"x\\\"y\"], \"b\": {}}");
        assertThat(v).isEqualTo(Map.of("a", Arrays.asList(1.0, -25.0, true, null, "x\"y"), "b", Map.of()));
        assertThat(FixtureReader.parseJson("j", "[]")).isEqualTo(List.of());
        assertThatThrownBy(() -> FixtureReader.parseJson("j", "{\"a\": [1 2]}"))
                .hasMessage("j: expected ',' or ']' at offset 9");
    }
}
