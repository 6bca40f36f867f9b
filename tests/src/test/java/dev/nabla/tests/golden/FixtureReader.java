package dev.nabla.tests.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the committed fixtures: JSON (objects as {@link Map}, arrays as {@link List}, numbers as
 * {@link Double}) and safetensors files of F64 tensors. A stand-in until {@code dev.nabla.tensor.io}
 * provides Json and Safetensors; only this file should change then. Damaged input fails loudly,
 * naming the resource and the offset.
 */
final class FixtureReader {
    /** A tensor as stored: row-major values and the shape. */
    record Stored(int[] shape, double[] data) {
    }

    private final String source;
    private final String text;
    private int pos;

    private FixtureReader(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The bytes of a class-path resource, e.g. {@code /golden/ops.json}. */
    static byte[] resource(String name) {
        try (InputStream in = FixtureReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + ": fixture not on the class path; regenerate it with "
                        + "/usr/bin/python3 tests/golden/make_op_goldens.py");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read fixture", e);
        }
    }

    /** Parses a whole JSON document; {@code source} names it in errors. */
    static Object parseJson(String source, String text) {
        FixtureReader p = new FixtureReader(source, text);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("trailing text");
        }
        return value;
    }

    /**
     * Reads a safetensors file: an 8-byte little-endian header length, a JSON header of
     * {@code name -> {dtype, shape, data_offsets}}, then the data. Only F64 is expected here, and
     * the tensors must tile the data region exactly, in header order.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Stored> readSafetensors(String name, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength < 2 || 8 + headerLength > bytes.length) {
            throw new IllegalStateException(name + ": header length " + headerLength + " at offset 0 does not fit "
                    + bytes.length + " bytes");
        }
        int dataStart = 8 + (int) headerLength;
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        Map<String, Object> entries = (Map<String, Object>) parseJson(name + " header", header);
        Map<String, Stored> tensors = new LinkedHashMap<>();
        long expectedBegin = 0;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            Map<String, Object> info = (Map<String, Object>) e.getValue();
            List<Object> offsets = (List<Object>) info.get("data_offsets");
            long begin = ((Double) offsets.get(0)).longValue();
            long end = ((Double) offsets.get(1)).longValue();
            int[] shape = ints(info.get("shape"));
            long numel = 1;
            for (int d : shape) {
                numel *= d;
            }
            if (!"F64".equals(info.get("dtype")) || begin != expectedBegin || end - begin != 8 * numel
                    || dataStart + end > bytes.length) {
                throw new IllegalStateException(name + ": tensor '" + e.getKey() + "' (" + info.get("dtype")
                        + ", shape " + java.util.Arrays.toString(shape) + ", data " + begin + ".." + end + ") at offset "
                        + (dataStart + begin) + " is not F64 data following the previous tensor at " + expectedBegin);
            }
            double[] data = new double[(int) numel];
            buf.position(dataStart + (int) begin);
            buf.asDoubleBuffer().get(data);
            tensors.put(e.getKey(), new Stored(shape, data));
            expectedBegin = end;
        }
        if (dataStart + expectedBegin != bytes.length) {
            throw new IllegalStateException(name + ": " + (bytes.length - dataStart - expectedBegin)
                    + " bytes after the last tensor, at offset " + (dataStart + expectedBegin));
        }
        return tensors;
    }

    /** A JSON array of integral numbers as {@code int[]}. */
    static int[] ints(Object jsonArray) {
        List<?> list = (List<?>) jsonArray;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            double v = (Double) list.get(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("expected an integer, got " + v + " in " + list);
            }
            out[i] = (int) v;
        }
        return out;
    }

    // ---- JSON, recursive descent ----

    private Object value() {
        char c = peek();
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            items('}', () -> {
                String key = string();
                expect(':');
                map.put(key, value());
            });
            return map;
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            items(']', () -> list.add(value()));
            return list;
        }
        return c == '"' ? string() : literal();
    }

    /** Reads {@code open item (, item)* close}; the opening bracket is at {@code pos}. */
    private void items(char close, Runnable item) {
        pos++;
        if (peek() == close) {
            pos++;
            return;
        }
        while (true) {
            peek();
            item.run();
            char c = peek();
            pos++;
            if (c == close) {
                return;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    case '"', '\\', '/' -> sb.append(e);
                    default -> throw error("unsupported escape \\" + e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object literal() {
        int start = pos;
        while (pos < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                try {
                    return Double.parseDouble(word);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("bad literal '" + word + "'");
                }
        }
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

    private IllegalStateException error(String what) {
        return new IllegalStateException(source + ": " + what + " at offset " + pos);
    }
}
