package dev.nabla.tensor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void parsesLiteralsAndWhitespace() {
        assertThat(Json.parse(" true ")).isEqualTo(Boolean.TRUE);
        assertThat(Json.parse("\tfalse\r\n")).isEqualTo(Boolean.FALSE);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("[ ]")).isEqualTo(List.of());
        assertThat(Json.parse("{ }")).isEqualTo(Map.of());
    }

    @Test
    void integralNumbersAreLongsAndOthersDoubles() {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-12")).isEqualTo(-12L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(9.223372036854775808e18);
        assertThat(Json.parse("1.5")).isEqualTo(1.5);
        assertThat(Json.parse("1e3")).isEqualTo(1000.0);
        assertThat(Json.parse("2.5E-3")).isEqualTo(0.0025);
        assertThat(Json.parse("1e+2")).isEqualTo(100.0);
        assertThat(Json.parse("0.1")).isEqualTo(0.1);
        assertThat(Double.doubleToRawLongBits((Double) Json.parse("-0.0")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void parsesEveryEscape() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\""))
                .isEqualTo("a\"b\\c/d\be\ff\ng\rh\ti");
        assertThat(Json.parse("\"\\u00e9\\u00C9\\u0000\"")).isEqualTo("\u00e9\u00c9\u0000");
        assertThat(Json.parse("\"\\uD83D\\uDE00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"caf\u00e9 \u2207 \uD83D\uDE00\"")).isEqualTo("caf\u00e9 \u2207 \uD83D\uDE00");
    }

    @Test
    void objectsKeepDocumentOrder() {
        Object parsed = Json.parse("{\"z\":1,\"a\":[true,null,\"s\"],\"m\":{\"y\":2.5,\"b\":{}}}");
        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("z", "a", "m");
        assertThat(map.get("a")).isEqualTo(Arrays.asList(true, null, "s"));
        assertThat(new ArrayList<Object>(((Map<?, ?>) map.get("m")).keySet())).containsExactly("y", "b");
    }

    @Test
    void writeIsCompactAndKeepsMapOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", Arrays.asList(true, null, "s", 2.5, 7L, 0.1f, (short) 3, (byte) -4));
        map.put("big", List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("1.25")));
        map.put("m", Map.of());
        assertThat(Json.write(map))
                .isEqualTo("{\"z\":1,\"a\":[true,null,\"s\",2.5,7,0.1,3,-4],"
                        + "\"big\":[123456789012345678901234567890,1.25],\"m\":{}}");
    }

    @Test
    void writeEscapesWhatJsonRequires() {
        assertThat(Json.write("q\"b\\/\b\f\n\r\t\u0001\u001f\u00e9\uD83D\uDE00"))
                .isEqualTo("\"q\\\"b\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u00e9\uD83D\uDE00\"");
    }

    @Test
    void roundTripsThroughWriteAndParse() {
        String text = "{\"name\":\"w\\n\\u0002\",\"shape\":[2,3],\"lr\":1.0E-4,\"neg\":-7,"
                + "\"nested\":[[],[{}],{\"k\":[false,null]}],\"unicode\":\"\u2207\uD83D\uDE00\"}";
        Object parsed = Json.parse(text);
        assertThat(Json.write(parsed)).isEqualTo(text);
        assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
    }

    @Test
    void writesDoublesInShortestRoundTripForm() {
        for (double d : new double[] {0.1, 1e-300, 123456.789, -2.0, Double.MIN_VALUE, Double.MAX_VALUE}) {
            assertThat(Json.parse(Json.write(d))).isEqualTo(d);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                        | 0 | expected a value (object, array, string, number, true, false or null) but found the end of the input",
        "`   `                     | 3 | expected a value",
        "`{\"a\" 1}`               | 5 | expected ':' after object key",
        "`{\"a\":1,}`              | 7 | expected a string key after ','",
        "`{1:2}`                   | 1 | expected a string key or '}' but found '1'",
        "`{\"a\":1 \"b\":2}`       | 7 | expected ',' or '}' after object member but found '\"'",
        "`{\"a\":1`                | 6 | expected ',' or '}' after object member but found the end of the input",
        "`[1,]`                    | 3 | expected a value",
        "`[1 2]`                   | 3 | expected ',' or ']' after array element but found '2'",
        "`[1`                      | 2 | expected ',' or ']' after array element",
        "`01`                      | 0 | leading zeros are not allowed in numbers",
        "`-01`                     | 0 | leading zeros are not allowed in numbers",
        "`NaN`                     | 0 | expected a value",
        "`-Infinity`               | 1 | expected a digit after '-'",
        "`+1`                      | 0 | expected a value",
        "`.5`                      | 0 | expected a value",
        "`1.`                      | 2 | expected a digit after '.'",
        "`1.e3`                    | 2 | expected a digit after '.'",
        "`1e`                      | 2 | expected a digit in the exponent",
        "`1e+`                     | 3 | expected a digit in the exponent",
        "`1e999`                   | 0 | number 1e999 is beyond the range of a double",
        "`1 2`                     | 2 | expected the end of the input after the top-level value",
        "`{} x`                    | 3 | expected the end of the input after the top-level value",
        "`tru`                     | 0 | expected 'true'",
        "`nul`                     | 0 | expected 'null'",
        "`fals`                    | 0 | expected 'false'",
        "`\"abc`                   | 0 | unterminated string starting",
        "`[\"a\\`                  | 1 | unterminated string starting",
        "`\"a\\x\"`                | 3 | invalid escape '\\x' in string",
        "`\"a\\u12G4\"`            | 4 | expected 4 hex digits after \\u",
        "`\"a\\u12\"`              | 4 | expected 4 hex digits after \\u",
        "`\"\\uD800\"`             | 1 | unpaired surrogate \\uD800 in string",
        "`\"\\uD800\\u0041\"`      | 1 | unpaired surrogate \\uD800 in string",
        "`\"\\uDC00\"`             | 1 | unpaired surrogate \\uDC00 in string",
        "`{\"a\":1,\"a\":2}`       | 7 | duplicate key \"a\"",
    })
    void rejectsMalformedText(String text, int offset, String detail) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.detail()).startsWith(detail);
                    assertThat(e.getMessage()).isEqualTo("json: " + e.detail() + " at offset " + offset);
                });
    }

    @Test
    void rejectsRawControlCharacterInString() {
        assertThatThrownBy(() -> Json.parse("\"a\nb\""))
                .isInstanceOf(JsonException.class)
                .hasMessage("json: unescaped control character U+000A in string at offset 2");
    }

    @Test
    void rejectsNestingBeyondTheLimitButAcceptsIt() {
        String ok = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.parse(deep))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void parseErrorIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> Json.parse("[")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeRejectsNonFiniteNumbersNamingThePath() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", List.of(Map.of("loss", 0.5), Map.of("loss", Double.NaN)));
        assertThatThrownBy(() -> Json.write(metrics))
                .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.offset()).isEqualTo(-1))
                .hasMessage("json: cannot write NaN: JSON has no NaN or Infinity; write a string or null instead"
                        + " at $.epochs[1].loss");
        assertThatThrownBy(() -> Json.write(Double.POSITIVE_INFINITY)).hasMessageContaining("cannot write Infinity");
        assertThatThrownBy(() -> Json.write(List.of(Float.NEGATIVE_INFINITY)))
                .hasMessageContaining("cannot write -Infinity").hasMessageEndingWith("at $[0]");
    }

    @Test
    void writeRejectsNonStringKeysAndUnsupportedTypes() {
        assertThatThrownBy(() -> Json.write(Map.of(3, "x")))
                .isInstanceOf(JsonException.class).hasMessage("json: object keys must be Strings, found number 3 at $");
        assertThatThrownBy(() -> Json.write(List.of(new Object())))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("cannot write a value of type java.lang.Object").hasMessageEndingWith("at $[0]");
        assertThatThrownBy(() -> Json.write(new int[] {1}))
                .isInstanceOf(JsonException.class).hasMessageContaining("cannot write a value of type [I");
    }

    @Test
    void writeRejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> Json.write("a\uD800"))
                .isInstanceOf(JsonException.class).hasMessageContaining("unpaired surrogate U+D800 at index 1");
        assertThatThrownBy(() -> Json.write("\uDC00\uD800"))
                .isInstanceOf(JsonException.class).hasMessageContaining("unpaired surrogate U+DC00 at index 0");
    }

    @Test
    void writeRejectsCyclesThroughTheDepthLimit() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThatThrownBy(() -> Json.write(cyclic))
                .isInstanceOf(JsonException.class).hasMessageContaining("is the structure cyclic?");
    }

    @Test
    void typeNamesFollowJson() {
        assertThat(Json.typeName(Json.parse("{}"))).isEqualTo("object");
        assertThat(Json.typeName(Json.parse("[]"))).isEqualTo("array");
        assertThat(Json.typeName(Json.parse("\"\""))).isEqualTo("string");
        assertThat(Json.typeName(Json.parse("1"))).isEqualTo("number");
        assertThat(Json.typeName(Json.parse("1.5"))).isEqualTo("number");
        assertThat(Json.typeName(Json.parse("true"))).isEqualTo("boolean");
        assertThat(Json.typeName(Json.parse("null"))).isEqualTo("null");
    }
}
