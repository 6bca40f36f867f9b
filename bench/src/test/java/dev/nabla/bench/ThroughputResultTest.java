package dev.nabla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.bench.harness.Stopwatch;
import dev.nabla.bench.harness.Timing;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputResultTest {
    private static final ThroughputCase FIT = ThroughputCase.byName("lenet5-fit-64");

    /**
     * Repetitions of 4 calls at 2, 1 and 4 ms per call; a call is 16 steps of 64 samples. The bare
     * loop's repetitions, in turn with them, at 0.1, 0.05 and 0.5 ms per step of 64 samples.
     */
    private static ThroughputResult result() {
        return new ThroughputResult(FIT, "simd", 2, 61_706, 16, 1024, new Stopwatch(3_000_000_000L, 10, 3, 1),
                new Timing(4, new double[] {2e6, 1e6, 4e6}), new Timing(20, new double[] {0.1e6, 0.05e6, 0.5e6}), 0.5);
    }

    @Test
    void samplesPerSecondComeFromTheMedianSlowestAndFastestRepetitions() {
        ThroughputResult r = result();
        assertThat(r.samplesPerSecond()).isCloseTo(512_000, within(1e-6));
        assertThat(r.slowestSamplesPerSecond()).isCloseTo(256_000, within(1e-6));
        assertThat(r.fastestSamplesPerSecond()).isCloseTo(1_024_000, within(1e-6));
        assertThat(r.msPerStep()).isCloseTo(0.125, within(1e-12));
        assertThat(r.stepsPerRepetition()).isEqualTo(64);
    }

    @Test
    void theRatioToTheReferenceIsTheMedianOfTheRatiosOfRepetitionsTimedInTurn() {
        ThroughputResult r = result();
        // per step: 0.125 / 0.1, 0.0625 / 0.05, 0.25 / 0.5 ms -> fit / bare speed 0.8, 0.8, 2
        assertThat(r.ratioToReference()).isCloseTo(0.8, within(1e-12));
        assertThat(r.referenceSamplesPerSecond()).isCloseTo(640_000, within(1e-6));
        ThroughputResult bare = new ThroughputResult(ThroughputCase.byName("lenet5-train-64"), "simd", 2, 61_706, 1,
                64, Stopwatch.QUICK, new Timing(1, new double[] {1e6}), null, -1);
        assertThat(bare.ratioToReference()).isNull();
        assertThat(bare.referenceSamplesPerSecond()).isNull();
    }

    @Test
    void jsonHasTheFieldsThePythonSideWritesToo() {
        Map<String, Object> json = result().toJson();
        assertThat(json.keySet()).containsExactly("name", "model", "mode", "batch", "optimizer", "impl", "config",
                "threads", "dtype", "device", "parameters", "samplesPerSecond", "samplesPerSecondMin",
                "samplesPerSecondMax", "msPerStep", "stepsPerRepetition", "repetitions", "warmupSeconds", "warmupCalls",
                "loadAverage", "referenceSamplesPerSecond", "ratioToReference");
        assertThat(json).containsEntry("name", "lenet5-fit-64").containsEntry("model", "lenet5")
                .containsEntry("mode", "fit").containsEntry("batch", 64)
                .containsEntry("optimizer", "sgd(lr=0.01, momentum=0.9)").containsEntry("impl", "nabla")
                .containsEntry("config", "threads=2").containsEntry("parameters", 61_706L)
                .containsEntry("repetitions", 3).containsEntry("warmupSeconds", 3.0).containsEntry("warmupCalls", 10)
                .containsEntry("loadAverage", 0.5);
    }
}
