package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
    void helpWorksOnEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(run("train", "--help")).isZero();
        assertThat(run("info", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla [-hV] [COMMAND]").contains("Usage: nabla train");
    }
}
