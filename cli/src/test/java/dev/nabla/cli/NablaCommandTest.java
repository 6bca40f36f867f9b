package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NablaCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Nabla.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void infoListsTheBackends() {
        assertThat(run("info")).isZero();
        assertThat(out.toString()).contains("reference: available").contains("default:");
    }

    @Test
    void unknownCommandsExitWithUsageErrors() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void benchWritesWellFormedJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench.json");
        assertThat(run("bench", "--quick", "--only", "^tiny\\.forward", "--json", file.toString())).isZero();
        assertThat(out.toString()).contains("roof.fma").contains("tiny.forward").contains("wrote " + file);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) Json.parse(Files.readString(file));
        assertThat(records).hasSize(5);   // four roofs and the one selected kernel
        for (Map<String, Object> r : records) {
            assertThat(r).containsKeys("name", "shape", "dtype", "threads", "value", "unit", "roofFraction");
        }
        Map<String, Object> tiny = records.get(4);
        assertThat(tiny.get("name")).isEqualTo("tiny.forward");
        assertThat(tiny.get("unit")).isEqualTo("ns/op");
        assertThat(tiny.get("dtype")).isEqualTo("F32");
        assertThat(((Number) tiny.get("value")).doubleValue()).isPositive();
        assertThat(tiny.get("roofFraction")).isNull();
        Map<String, Object> roof = records.get(0);
        assertThat(roof.get("name")).isEqualTo("roof.fma");
        assertThat(roof.get("unit")).isEqualTo("GFLOP/s");
    }

    @Test
    void benchRejectsBadOptions() {
        assertThat(run("bench", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(run("bench", "--only", "(")).isEqualTo(2);
        assertThat(err.toString()).contains("--only: not a regular expression");
        assertThat(run("bench", "--quick", "--device", "tpu")).isEqualTo(2);
        assertThat(err.toString()).contains("no backend of type 'tpu'");
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(run("train", "--help")).isZero();
        assertThat(run("eval", "--help")).isZero();
        assertThat(run("augment", "--help")).isZero();
        assertThat(run("info", "--help")).isZero();
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla [-hV] [COMMAND]", "Usage: nabla train", "Usage: nabla eval",
                "Usage: nabla augment", "Usage: nabla info", "Usage: nabla bench");
    }
}
