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
    void trainLearnsTheMoons() {
        assertThat(run("train", "--epochs", "300", "--samples", "200")).isZero();
        String text = out.toString();
        assertThat(text).contains("two-moons, 200 points, 2-32-2 network, 300 full-batch steps");
        String last = text.lines().filter(l -> l.startsWith("final training accuracy")).findFirst().orElseThrow();
        double accuracy = Double.parseDouble(last.replaceAll(".*accuracy ([0-9.]+)%.*", "$1"));
        assertThat(accuracy).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void sameSeedSameRun() {
        run("train", "--epochs", "20", "--seed", "5");
        String first = out.toString().replaceAll(" in [0-9.]+ s", "");
        out.getBuffer().setLength(0);
        run("train", "--epochs", "20", "--seed", "5");
        assertThat(out.toString().replaceAll(" in [0-9.]+ s", "")).isEqualTo(first);
    }

    @Test
    void infoListsTheBackends() {
        assertThat(run("info")).isZero();
        assertThat(out.toString()).contains("reference: available").contains("default:");
    }

    @Test
    void unknownOptionsAndBadValuesExitWithUsageErrors() {
        assertThat(run("train", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(run("train", "--epochs", "many")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--epochs': 'many' is not an int");
        assertThat(run("train", "--lr", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--lr must be positive, got -1.0");
        assertThat(run("train", "--device", "tpu")).isEqualTo(2);
        assertThat(err.toString()).contains("no backend of type 'tpu'");
        assertThat(run("frobnicate")).isEqualTo(2);
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
        assertThat(run("info", "--help")).isZero();
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla [-hV] [COMMAND]").contains("Usage: nabla train");
    }
}
