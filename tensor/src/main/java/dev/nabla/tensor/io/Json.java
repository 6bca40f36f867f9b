package dev.nabla.tensor.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer over plain Java values.
 *
 * <p>JSON values map to Java values as follows, in both directions:
 * <ul>
 *   <li>object: {@code Map<String, Object>}; parsed as a {@link LinkedHashMap} in document order</li>
 *   <li>array: {@code List<Object>}; parsed as an {@link ArrayList}</li>
 *   <li>string: {@link String}</li>
 *   <li>number: parsed as {@link Long} when written without fraction or exponent and within
 *       {@code long} range, else as {@link Double}; written from any of {@code Byte, Short, Integer,
 *       Long, BigInteger, Float, Double, BigDecimal}</li>
 *   <li>{@code true}/{@code false}: {@link Boolean}; {@code null}: {@code null}</li>
 * </ul>
 *
 * <p>The parser accepts exactly RFC 8259 and rejects, with a {@link JsonException} naming the
 * offset and what was expected: leading zeros, {@code NaN}/{@code Infinity}, numbers beyond the
 * double range, trailing commas, unescaped control characters, unpaired surrogates, duplicate
 * object keys (which RFC 8259 leaves undefined), nesting deeper than {@link #MAX_DEPTH}, and
 * anything after the top-level value other than whitespace.
 */
public final class Json {
    /** Deepest nesting of arrays and objects accepted, so recursion cannot overflow the stack. */
    public static final int MAX_DEPTH = 512;

    /** The characters after a backslash in two-character escapes, and the characters they stand for. */
    private static final String SIMPLE_ESCAPES = "\"\\/bfnrt";
    private static final String SIMPLE_ESCAPED = "\"\\/\b\f\n\r\t";

    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @param text the complete document; whitespace may surround the value
     * @return the value, typed as described in the class documentation
     * @throws JsonException if {@code text} is not exactly one valid JSON value
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("expected the end of the input after the top-level value");
        }
        return value;
    }

    /**
     * Serialises {@code value} compactly (no whitespace). The output is deterministic: map entries
     * appear in the map's iteration order and numbers in Java's shortest round-trip form.
     *
     * @throws JsonException naming the path (such as {@code $.metrics[3]}) of a value JSON cannot
     *     represent: NaN or infinite numbers, non-String map keys, unsupported types, unpaired
     *     surrogates, or nesting deeper than {@link #MAX_DEPTH} (which catches cycles)
     */
    public static String write(Object value) {
        Writer w = new Writer();
        w.value(value);
        return w.out.toString();
    }

    /** The JSON type name of a parsed value ("object", "array", "string", "number", "boolean", "null"). */
    public static String typeName(Object value) {
        return value == null ? "null"
                : value instanceof Map ? "object"
                : value instanceof List ? "array"
                : value instanceof String ? "string"
                : value instanceof Number ? "number"
                : value instanceof Boolean ? "boolean"
                : value.getClass().getSimpleName();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            skipWhitespace();
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
            char c = pos < text.length() ? text.charAt(pos) : 0;
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
                default -> throw error("expected a value (object, array, string, number, true, false or null)"
                        + " but found " + found());
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (consume('}')) {
                return map;
            }
            String expectKey = "expected a string key or '}'";
            while (true) {
                skipWhitespace();
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error(expectKey + " but found " + found());
                }
                int keyStart = pos;
                String key = string();
                skipWhitespace();
                if (!consume(':')) {
                    throw error("expected ':' after object key");
                }
                Object value = value(depth + 1);
                if (map.containsKey(key)) {
                    throw new JsonException("duplicate key \"" + key + "\"", keyStart);
                }
                map.put(key, value);
                skipWhitespace();
                if (consume('}')) {
                    return map;
                }
                if (!consume(',')) {
                    throw error("expected ',' or '}' after object member but found " + found());
                }
                expectKey = "expected a string key after ','";
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (consume(']')) {
                return list;
            }
            while (true) {
                list.add(value(depth + 1));
                skipWhitespace();
                if (consume(']')) {
                    return list;
                }
                if (!consume(',')) {
                    throw error("expected ',' or ']' after array element but found " + found());
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            int start = pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw new JsonException("unterminated string starting", start);
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                } else if (c < 0x20) {
                    throw error(String.format("unescaped control character U+%04X in string", (int) c));
                } else if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                pos++;
                if (pos >= text.length()) {
                    continue; // the loop's first check reports the unterminated string
                }
                char e = text.charAt(pos);
                int simple = SIMPLE_ESCAPES.indexOf(e);
                if (e == 'u') {
                    pos--;
                    sb.append(unicodeEscape());
                } else if (simple >= 0) {
                    sb.append(SIMPLE_ESCAPED.charAt(simple));
                    pos++;
                } else {
                    throw error("invalid escape '\\" + e + "' in string");
                }
            }
        }

        /** Reads one {@code \\uXXXX} escape, or two when they form a surrogate pair. */
        private String unicodeEscape() {
            int start = pos;
            char c = hex4();
            if (Character.isLowSurrogate(c)) {
                throw new JsonException(String.format("unpaired surrogate \\u%04X in string", (int) c), start);
            }
            if (!Character.isHighSurrogate(c)) {
                return String.valueOf(c);
            }
            if (text.startsWith("\\u", pos)) {
                char d = hex4();
                if (Character.isLowSurrogate(d)) {
                    return new String(new char[] {c, d});
                }
            }
            throw new JsonException(String.format("unpaired surrogate \\u%04X in string", (int) c), start);
        }

        private char hex4() {
            pos += 2;
            if (pos + 4 > text.length()) {
                throw error("expected 4 hex digits after \\u");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(pos + i), 16);
                if (digit < 0) {
                    throw error("expected 4 hex digits after \\u");
                }
                v = v * 16 + digit;
            }
            pos += 4;
            return (char) v;
        }

        private Object number() {
            int start = pos;
            consume('-');
            if (consume('0')) {
                if (isDigit()) {
                    throw new JsonException("leading zeros are not allowed in numbers", start);
                }
            } else if (!digits()) {
                throw error("expected a digit after '-'");
            }
            boolean integral = true;
            if (consume('.')) {
                integral = false;
                if (!digits()) {
                    throw error("expected a digit after '.'");
                }
            }
            if (consume('e') || consume('E')) {
                integral = false;
                if (!consume('+')) {
                    consume('-');
                }
                if (!digits()) {
                    throw error("expected a digit in the exponent");
                }
            }
            String s = text.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException beyondLongRange) {
                    // Fall through: the number is valid JSON, just too large for a long.
                }
            }
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) {
                throw new JsonException("number " + s + " is beyond the range of a double", start);
            }
            return d;
        }

        private boolean digits() {
            int start = pos;
            while (isDigit()) {
                pos++;
            }
            return pos > start;
        }

        private boolean isDigit() {
            return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected '" + word + "'");
            }
            pos += word.length();
            return value;
        }

        private boolean consume(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private String found() {
            if (pos >= text.length()) {
                return "the end of the input";
            }
            char c = text.charAt(pos);
            return c < 0x20 ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }

        JsonException error(String detail) {
            return new JsonException(detail, pos);
        }
    }

    private static final class Writer {
        private final StringBuilder out = new StringBuilder();
        /** Keys and indices from the root to the value being written, for error messages. */
        private final Deque<Object> path = new ArrayDeque<>();

        void value(Object v) {
            if (path.size() > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels (is the structure cyclic?)");
            }
            if (v == null || v instanceof Boolean || v instanceof Byte || v instanceof Short
                    || v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal) {
                out.append(v);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (!Double.isFinite(d)) {
                    throw error("cannot write " + v + ": JSON has no NaN or Infinity; write a string or null instead");
                }
                out.append(v);
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Map<?, ?> map) {
                object(map);
            } else if (v instanceof List<?> list) {
                array(list);
            } else {
                throw error("cannot write a value of type " + v.getClass().getName()
                        + "; supported: Map, List, String, Number, Boolean, null");
            }
        }

        private void object(Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw error("object keys must be Strings, found " + typeName(e.getKey()) + " " + e.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                path.addLast(key);
                string(key);
                out.append(':');
                value(e.getValue());
                path.removeLast();
            }
            out.append('}');
        }

        private void array(List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                path.addLast(i);
                value(list.get(i));
                path.removeLast();
            }
            out.append(']');
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                int simple = c == '/' ? -1 : SIMPLE_ESCAPED.indexOf(c);
                if (simple >= 0) {
                    out.append('\\').append(SIMPLE_ESCAPES.charAt(simple));
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    throw error(String.format("string has an unpaired surrogate U+%04X at index %d", (int) c, i));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }

        private JsonException error(String detail) {
            StringBuilder where = new StringBuilder("$");
            for (Object step : path) {
                where.append(step instanceof Integer ? "[" + step + "]" : "." + step);
            }
            return new JsonException(detail + " at " + where);
        }
    }
}
