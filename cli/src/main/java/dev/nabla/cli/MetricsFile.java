package dev.nabla.cli;

import dev.nabla.train.AtomicFiles;
import dev.nabla.train.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code metrics.json}: one flat JSON object of numbers and strings, for scripts that compare runs. */
final class MetricsFile {
    /** The file name in a run directory. */
    static final String NAME = "metrics.json";

    private MetricsFile() {
    }

    /**
     * Writes {@code values} in their order, numbers as numbers (whole ones without a fraction, {@code null} if not finite), anything
     * else as a string, atomically.
     */
    static void write(Path file, Map<String, ?> values) throws IOException {
        String body = values.entrySet().stream()
                .map(e -> "  " + Json.string(e.getKey()) + ": " + json(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        AtomicFiles.writeString(file, body);
    }

    private static String json(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return value instanceof Number n ? Json.number(n.doubleValue()) : Json.string(String.valueOf(value));
    }
}
