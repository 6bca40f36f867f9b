package dev.nabla.tests.golden;

import dev.nabla.tensor.io.Json;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the committed fixtures with Nabla's own {@link Json} and {@link Safetensors}, which reject
 * damaged files naming the resource and the offset.
 */
public final class FixtureReader {
    /** A tensor as stored: row-major values and the shape. */
    public record Stored(int[] shape, double[] data) {
    }

    private FixtureReader() {
    }

    /** The bytes of a class-path resource, e.g. {@code /golden/ops.json}. */
    public static byte[] resource(String name) {
        try (InputStream in = FixtureReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + ": fixture not on the class path; regenerate it with "
                        + "/usr/bin/python3 and the tests/golden script that writes it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read fixture", e);
        }
    }

    /** Parses a whole JSON document; {@code source} names it in errors. */
    public static Object parseJson(String source, String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** Every tensor of a safetensors file, as doubles, in header order. */
    public static Map<String, Stored> readSafetensors(String name, byte[] bytes) {
        try {
            Map<String, Stored> out = new LinkedHashMap<>();
            for (Map.Entry<String, SafetensorsEntry> e : Safetensors.read(bytes, name).tensors().entrySet()) {
                out.put(e.getKey(), new Stored(e.getValue().shape().dims(), e.getValue().toDoubleArray()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of integral numbers as {@code int[]}. */
    public static int[] ints(Object jsonArray) {
        List<?> list = (List<?>) jsonArray;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            double v = ((Number) list.get(i)).doubleValue();
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("expected an integer, got " + v + " in " + list);
            }
            out[i] = (int) v;
        }
        return out;
    }
}
