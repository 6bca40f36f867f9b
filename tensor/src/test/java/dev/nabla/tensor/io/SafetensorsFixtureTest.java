package dev.nabla.tensor.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code reference.safetensors}, written without Nabla by
 * {@code tests/golden/make_safetensors_fixture.py}, and checks every value against the sidecar
 * {@code reference.expected.json}.
 */
class SafetensorsFixtureTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SafetensorsFixtureTest.class.getResourceAsStream("/safetensors/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void readsEveryValueOfTheReferenceFile() throws IOException {
        SafetensorsFile file = Safetensors.read(resource("reference.safetensors"), "reference.safetensors");
        Map<?, ?> expected = (Map<?, ?>) Json.parse(
                new String(resource("reference.expected.json"), StandardCharsets.UTF_8));
        Map<?, ?> tensors = (Map<?, ?>) expected.get("tensors");

        assertThat(file.metadata()).isEqualTo(expected.get("metadata"));
        assertThat(file.metadata()).containsEntry("note", "caf\u00e9 \u2207 \"quoted\"");
        assertThat(List.copyOf(file.tensors().keySet())).isEqualTo(List.copyOf(tensors.keySet()));
        assertThat(tensors).hasSize(13);
        for (Map.Entry<?, ?> e : tensors.entrySet()) {
            String name = (String) e.getKey();
            Map<?, ?> want = (Map<?, ?>) e.getValue();
            SafetensorsEntry got = file.tensor(name);
            assertThat(got.dtype().name()).as(name).isEqualTo(want.get("dtype"));
            int[] dims = ((List<?>) want.get("shape")).stream().mapToInt(d -> ((Long) d).intValue()).toArray();
            assertThat(got.shape()).as(name).isEqualTo(Shape.of(dims));
            List<?> values = (List<?>) want.get("values");
            double[] actual = got.toDoubleArray();
            assertThat(actual).as(name).hasSize(values.size());
            for (int i = 0; i < actual.length; i++) {
                // Boxed comparison: NaN equals NaN, and -0.0 differs from 0.0.
                assertThat(Double.valueOf(actual[i])).as("%s[%d]", name, i).isEqualTo(expectedValue(values.get(i)));
            }
        }
    }

    @Test
    void rewritingTheReferenceFileReproducesItByteForByte() throws IOException {
        byte[] original = resource("reference.safetensors");
        SafetensorsFile file = Safetensors.read(original, "reference.safetensors");
        assertThat(Safetensors.toBytes(file.tensors(), file.metadata())).isEqualTo(original);
    }

    private static Double expectedValue(Object json) {
        if (json instanceof String s) {
            return switch (s) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("unexpected value " + s);
            };
        }
        return ((Number) json).doubleValue();
    }
}
