package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Json;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The {@code "cases"} array of the JSON manifest resource {@code name}, one map per case. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> manifestCases(String name) {
        String text = new String(resource(name), StandardCharsets.UTF_8);
        Map<String, Object> root = (Map<String, Object>) parseJson(name, text);
        return (List<Map<String, Object>>) root.get("cases");
    }

    /** The tensor {@code key} of {@code data}, read from {@code file}; fails naming both if it is absent. */
    public static Stored require(Map<String, Stored> data, String key, String file) {
        Stored s = data.get(key);
        if (s == null) {
            throw new IllegalStateException(file + ": no tensor '" + key + "'; regenerate the fixtures");
        }
        return s;
    }

    /** {@code s} as a new {@code dtype} tensor on the default device. */
    public static Tensor tensor(Stored s, DType dtype) {
        return Tensor.fromArray(s.data(), Shape.of(s.shape()), dtype, Backends.defaultDevice());
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
