package dev.nabla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.io.Json;
import dev.nabla.tensor.spi.Backends;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke runs of the smallest cases with one short repetition: the numbers mean nothing here. */
class TrainingThroughputTest {
    private static final ThroughputOptions ONE_CALL = ThroughputOptions.parse("mlp-train-64", "mlp-fit-64",
            "--warmup", "0", "--warmup-calls", "1", "--reps", "1", "--min-rep", "0");

    @Test
    void trainsAndFitsTheMlpAndPrintsARowPerCase() {
        StringWriter text = new StringWriter();
        List<ThroughputResult> results = TrainingThroughput.run(ONE_CALL, Backends.defaultDevice(), new PrintWriter(text));
        assertThat(results).extracting(r -> r.testCase().name()).containsExactly("mlp-train-64", "mlp-fit-64");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.samplesPerSecond()).isPositive();
            assertThat(r.parameters()).isEqualTo(235_146);
        });
        assertThat(results.get(1).stepsPerRepetition()).isEqualTo(ThroughputWorkload.FIT_BATCHES);
        assertThat(results.get(1).ratioToReference()).isPositive();
        assertThat(results.get(0).ratioToReference()).isNull();
        assertThat(text.toString()).startsWith("training throughput: device ").contains("\nmlp-train-64 ")
                .contains("\nmlp-fit-64 ").contains("\n  bare training loop timed in turn: ");
    }

    @Test
    void mainWritesTheResultsAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nabla.json");
        TrainingThroughput.main(new String[] {"mlp-infer-256", "--warmup", "0", "--warmup-calls", "1", "--reps", "1",
                "--min-rep", "0", "--json", file.toString()});
        List<?> records = (List<?>) Json.parse(Files.readString(file));
        assertThat(records).hasSize(1);
        Map<?, ?> r = (Map<?, ?>) records.get(0);
        assertThat(r.get("name")).isEqualTo("mlp-infer-256");
        assertThat(r.get("mode")).isEqualTo("infer");
        assertThat(r.get("optimizer")).isEqualTo("none");
        assertThat(((Number) r.get("samplesPerSecond")).doubleValue()).isPositive();
    }
}
