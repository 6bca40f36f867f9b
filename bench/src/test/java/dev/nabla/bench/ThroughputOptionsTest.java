package dev.nabla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.bench.harness.Stopwatch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThroughputOptionsTest {

    @Test
    void withoutArgumentsRunsEveryCaseWithTheDefaultTiming() {
        ThroughputOptions o = ThroughputOptions.parse();
        assertThat(o.cases()).isEqualTo(ThroughputCase.all());
        assertThat(o.warmupSeconds()).isEqualTo(5);
        assertThat(o.warmupCalls()).isEqualTo(10);
        assertThat(o.repetitions()).isEqualTo(7);
        assertThat(o.minRepetitionSeconds()).isEqualTo(1);
        assertThat(o.json()).isNull();
        assertThat(o.list()).isFalse();
        assertThat(o.stopwatch()).isEqualTo(new Stopwatch(5_000_000_000L, 10, 7, 1_000_000_000L));
    }

    @Test
    void readsCasesInTheGivenOrderAndEveryOption() {
        ThroughputOptions o = ThroughputOptions.parse("lenet5-train-64", "--warmup", "0.5", "mlp-infer-256", "--warmup-calls", "4",
                "--reps", "3", "--min-rep", "0.25", "--json", "out.json", "--list");
        assertThat(o.cases()).extracting(ThroughputCase::name).containsExactly("lenet5-train-64", "mlp-infer-256");
        assertThat(o.stopwatch()).isEqualTo(new Stopwatch(500_000_000L, 4, 3, 250_000_000L));
        assertThat(o.json()).isEqualTo(Path.of("out.json"));
        assertThat(o.list()).isTrue();
    }

    @Test
    void rejectsUnknownCasesAndOptionsNamingTheChoices() {
        assertThatThrownBy(() -> ThroughputOptions.parse("resnet-train-64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("throughput: unknown case 'resnet-train-64'; choose from [mlp-train-64,")
                .hasMessageContaining("cnn-bn-train-128");
        assertThatThrownBy(() -> ThroughputOptions.parse("--threads", "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throughput: unknown option '--threads'; " + ThroughputOptions.USAGE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--warmup two     | throughput: --warmup expects a number of seconds, got 'two'",
        "--reps 2.5       | throughput: --reps expects a whole number, got '2.5'",
        "--reps 0         | throughput: --reps must be at least 1, got 0",
        "--warmup-calls 0 | throughput: --warmup-calls must be at least 1, got 0",
        "--warmup -1      | throughput: --warmup must be a finite number of seconds >= 0, got -1.0",
        "--min-rep NaN    | throughput: --min-rep must be a finite number of seconds >= 0, got NaN",
    })
    void rejectsMalformedValuesAndValuesOutOfRange(String args, String message) {
        assertThatThrownBy(() -> ThroughputOptions.parse(args.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> ThroughputOptions.parse("--json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throughput: --json needs a value; " + ThroughputOptions.USAGE);
    }
}
