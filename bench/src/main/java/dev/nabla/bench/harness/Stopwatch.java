package dev.nabla.bench.harness;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Plain wall-clock timing with warm-up and medians. A body is first called for
 * {@code warmupNanos} so that the JIT compiles it (a fixed number of calls is not enough for
 * tiny bodies, which need tens of thousands of calls before C2 has compiled them); then the
 * number of calls per batch is doubled until a batch lasts {@code minBatchNanos}, long enough for
 * the clock to be precise; then {@code runs} batches are timed. The median batch, divided by its
 * calls, is the result: unlike the mean it ignores the batch that a neighbouring process or a
 * garbage collection happened to slow down.
 *
 * @param warmupNanos   how long the body runs before anything is timed
 * @param runs          batches timed; the median is kept
 * @param minBatchNanos the least duration of one batch
 */
public record Stopwatch(long warmupNanos, int runs, long minBatchNanos) {

    /** For real measurements: about 2.5 s per kernel, more when one call is longer than 100 ms. */
    public static final Stopwatch FULL = new Stopwatch(1_000_000_000L, 11, 100_000_000L);
    /** For smoke tests: a few short batches. */
    public static final Stopwatch QUICK = new Stopwatch(100_000_000L, 3, 10_000_000L);

    /** Keeps results reachable so that the JIT cannot drop the calls that made them. */
    private static volatile Object sink;

    /** The median time of one call of {@code body}, in nanoseconds. */
    public double nanosPerCall(Supplier<?> body) {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < 2 || System.nanoTime() - start < warmupNanos) {
            sink = body.get();
            warm++;
        }
        int calls = 1;
        while (calls < (1 << 24) && batch(body, calls) < minBatchNanos) {
            calls *= 2;
        }
        double[] perCall = new double[runs];
        for (int i = 0; i < runs; i++) {
            perCall[i] = (double) batch(body, calls) / calls;
        }
        Arrays.sort(perCall);
        return perCall[runs / 2];
    }

    private static long batch(Supplier<?> body, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = body.get();
        }
        return System.nanoTime() - t0;
    }
}
