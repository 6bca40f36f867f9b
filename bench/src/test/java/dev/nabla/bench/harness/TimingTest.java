package dev.nabla.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void medianOfAnOddNumberOfBatchesIsTheMiddleOne() {
        Timing t = new Timing(8, new double[] {30, 10, 50, 20, 40});
        assertThat(t.median()).isEqualTo(30);
        assertThat(t.min()).isEqualTo(10);
        assertThat(t.max()).isEqualTo(50);
    }

    @Test
    void medianOfAnEvenNumberOfBatchesIsTheMeanOfTheTwoMiddleOnes() {
        assertThat(new Timing(1, new double[] {40, 10, 30, 20}).median()).isEqualTo(25);
        assertThat(new Timing(1, new double[] {7}).median()).isEqualTo(7);
        assertThatThrownBy(() -> Timing.median(new double[0])).hasMessage("median: no values");
    }

    @Test
    void keepsTheBatchesInTheOrderTheyRanAndCannotBeChangedFromOutside() {
        double[] times = {3, 1, 2};
        Timing t = new Timing(2, times);
        times[0] = 100;
        t.nanosPerCall()[1] = 100;
        assertThat(t.nanosPerCall()).containsExactly(3, 1, 2);
        assertThat(t.calls()).isEqualTo(2);
    }

    @Test
    void rejectsAnEmptyTimingOrZeroCalls() {
        assertThatThrownBy(() -> new Timing(1, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timing: needs at least one batch of at least one call, got 0 batches of 1 calls");
        assertThatThrownBy(() -> new Timing(0, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1 batches of 0 calls");
    }

    @Test
    void stopwatchTimesTheRequestedNumberOfBatchesAfterWarmingUp() {
        int[] calls = {0};
        Timing t = new Stopwatch(0, 4, 3, 0).time(() -> calls[0]++);
        assertThat(t.calls()).isEqualTo(1);
        assertThat(t.nanosPerCall()).hasSize(3);
        assertThat(t.min()).isPositive();
        assertThat(calls[0]).isEqualTo(4 + 1 + 3);   // four warm-up calls, one calibration batch, three batches
    }

    @Test
    void interleavedBodiesTakeTurnsBatchByBatch() {
        StringBuilder order = new StringBuilder();
        List<Timing> timings = new Stopwatch(0, 2, 3, 0).timeInterleaved(List.<Supplier<?>>of(
                () -> order.append('a'), () -> order.append('b')));
        assertThat(timings).hasSize(2).allSatisfy(t -> assertThat(t.nanosPerCall()).hasSize(3));
        // each: two warm-up calls and one calibration batch; then the three batches alternate
        assertThat(order.toString()).isEqualTo("aaabbb" + "ababab");
    }
}
