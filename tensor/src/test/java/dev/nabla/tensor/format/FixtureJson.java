package dev.nabla.tensor.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the committed test fixtures: objects become {@link Map}s, arrays
 * {@link List}s, strings {@link String}s, numbers {@link Double}s; true, false and null as in Java.
 * It rejects malformed input with the offset, so a damaged fixture fails loudly.
 */
final class FixtureJson {
    private final String text;
    private int pos;

    private FixtureJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        FixtureJson p = new FixtureJson(text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("trailing text");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return switch (text.charAt(pos)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            default -> literal();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        if (peek() == '}') {
            pos++;
            return map;
        }
        do {
            skipSpace();
            String key = string();
            expect(':');
            map.put(key, value());
        } while (next(',', '}'));
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        expect('[');
        if (peek() == ']') {
            pos++;
            return list;
        }
        do {
            list.add(value());
        } while (next(',', ']'));
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case '"', '\\', '/' -> sb.append(e);
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object literal() {
        int start = pos;
        while (pos < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.equals("true") || word.equals("false")) {
            return Boolean.valueOf(word);
        }
        if (word.equals("null")) {
            return null;
        }
        try {
            return Double.parseDouble(word);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad literal '" + word + "'");
        }
    }

    /** Consumes a separator or the closing bracket; true when more items follow. */
    private boolean next(char separator, char close) {
        char c = peek();
        pos++;
        if (c == separator) {
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error("expected '" + separator + "' or '" + close + "'");
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("fixture json: " + what + " at offset " + pos);
    }
}
