package dev.nabla.tensor.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TensorFormatterTest {
    private static final String FIXTURE = "/format/print_cases.json";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fixtureCases() throws IOException {
        try (InputStream in = TensorFormatterTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as("fixture %s on the test class path", FIXTURE).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (List<Map<String, Object>>) ((Map<String, Object>) FixtureJson.parse(json)).get("cases");
        }
    }

    static Stream<Arguments> pytorchCases() throws IOException {
        return fixtureCases().stream().map(c -> Arguments.of(c.get("name"), c));
    }

    /** Every case printed by PyTorch (tests/golden/make_print_fixture.py) must match exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pytorchCases")
    @SuppressWarnings("unchecked")
    void matchesPytorch(String name, Map<String, Object> c) {
        int[] dims = ((List<Object>) c.get("shape")).stream().mapToInt(d -> ((Double) d).intValue()).toArray();
        double[] values = ((List<Object>) c.get("values")).stream().mapToDouble(v -> parseHex((String) v)).toArray();
        List<String> suffixes = (List<String>) (List<?>) c.get("suffixes");
        DType dtype = DType.valueOf((String) c.get("dtype"));

        assertThat(TensorFormatter.format(values, Shape.of(dims), dtype, suffixes)).isEqualTo(c.get("expected"));
    }

    @Test
    void fixtureCoversEnoughCases() throws IOException {
        assertThat(fixtureCases()).hasSizeGreaterThanOrEqualTo(40);
    }

    private static double parseHex(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @Test
    void suffixesGoInsideTheParenthesesInOrder() {
        assertThat(TensorFormatter.format(new double[] {1, 2}, Shape.of(2), DType.F64,
                List.of("dtype=F64", "device=simd", "requiresGrad=true")))
                .isEqualTo("tensor([1., 2.], dtype=F64, device=simd, requiresGrad=true)");
        assertThat(TensorFormatter.format(new double[] {3.5}, Shape.scalar(), DType.F32, List.of("requiresGrad=true")))
                .isEqualTo("tensor(3.5000, requiresGrad=true)");
    }

    @Test
    void emptyTensorsPutTheSizeBeforeTheCallersSuffixes() {
        assertThat(TensorFormatter.format(new double[0], Shape.of(0, 3), DType.F64, List.of("dtype=F64")))
                .isEqualTo("tensor([], size=(0, 3), dtype=F64)");
        assertThat(TensorFormatter.format(new double[0], Shape.of(0), DType.F32, List.of()))
                .isEqualTo("tensor([])");
    }

    @Test
    void aSuffixPastTheLineWidthStartsANewLine() {
        String longSuffix = "device=" + "x".repeat(70);
        assertThat(TensorFormatter.format(new double[] {1, 2}, Shape.of(2), DType.F32, List.of("dtype=F32", longSuffix)))
                .isEqualTo("tensor([1., 2.], dtype=F32,\n       " + longSuffix + ")");
    }

    @Test
    void float32ValuesAreRoundedBeforeFormatting() {
        // 1.00005 is just above the tie in float64 but just below it once rounded to float32.
        double[] v = {1.00005};
        assertThat(TensorFormatter.format(v, Shape.of(1), DType.F32, List.of())).isEqualTo("tensor([1.0000])");
        assertThat(TensorFormatter.format(v, Shape.of(1), DType.F64, List.of())).isEqualTo("tensor([1.0001])");
    }

    @Test
    void numbersFollowPythonFormatting() {
        assertThat(ElementFormatter.fixed(1.03125, 4)).isEqualTo("1.0312");
        assertThat(ElementFormatter.fixed(-0.0, 4)).isEqualTo("-0.0000");
        assertThat(ElementFormatter.fixed(2.5, 0)).isEqualTo("2");
        assertThat(ElementFormatter.scientific(0.5, 4)).isEqualTo("5.0000e-01");
        assertThat(ElementFormatter.scientific(99999.5, 4)).isEqualTo("1.0000e+05");
        assertThat(ElementFormatter.scientific(1e100, 4)).isEqualTo("1.0000e+100");
        assertThat(ElementFormatter.scientific(-0.0, 4)).isEqualTo("-0.0000e+00");
        assertThat(ElementFormatter.scientific(Double.NEGATIVE_INFINITY, 4)).isEqualTo("-inf");
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> TensorFormatter.format(new double[5], Shape.of(2, 3), DType.F32, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format: 5 values do not fill shape [2, 3], which holds 6");
    }
}
