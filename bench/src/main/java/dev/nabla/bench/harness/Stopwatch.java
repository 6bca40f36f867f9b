package dev.nabla.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Plain wall-clock timing with warm-up and medians. A body is first called for
 * {@code warmupNanos}, and at least {@code warmupCalls} times, so that the JIT compiles it (a
 * fixed number of calls is not enough for tiny bodies, which need tens of thousands of calls
 * before C2 has compiled them, nor a fixed time for long ones, whose first calls run interpreted
 * Vector API code for seconds each); then the
 * number of calls per batch is set so that calls as long as the median of the last warm-up calls
 * would fill {@code minBatchNanos}, and doubled until a batch does last that long, long enough for
 * the clock to be precise (starting from the warm-up's estimate, one slow calibration batch of a
 * long body cannot leave the batches much shorter than asked); then {@code runs} batches are timed. The median batch, divided by its
 * calls, is the result: unlike the mean it ignores the batch that a neighbouring process or a
 * garbage collection happened to slow down.
 *
 * @param warmupNanos   how long the body runs before anything is timed
 * @param warmupCalls   the least number of calls before anything is timed (at least 2 are made)
 * @param runs          batches timed; the median is kept
 * @param minBatchNanos the least duration of one batch
 */
public record Stopwatch(long warmupNanos, int warmupCalls, int runs, long minBatchNanos) {

    /** For real measurements: about 2.5 s per kernel, more when one call is longer than 100 ms. */
    public static final Stopwatch FULL = new Stopwatch(1_000_000_000L, 2, 11, 100_000_000L);
    /** For smoke tests: a few short batches. */
    public static final Stopwatch QUICK = new Stopwatch(100_000_000L, 2, 3, 10_000_000L);

    private static final int MAX_CALLS = 1 << 24;
    /** The warm-up calls whose median gives the first estimate of the calls per batch. */
    private static final int WARMUP_CALLS_KEPT = 31;

    /** Keeps results reachable so that the JIT cannot drop the calls that made them. */
    private static volatile Object sink;

    /** The median time of one call of {@code body}, in nanoseconds. */
    public double nanosPerCall(Supplier<?> body) {
        return time(body).median();
    }

    /**
     * Every timed batch of {@code body}: warm-up, calibration of the calls per batch, then
     * {@code runs} batches, as described above.
     */
    public Timing time(Supplier<?> body) {
        return timeInterleaved(List.of(body)).get(0);
    }

    /**
     * Every timed batch of each body, the bodies taking turns: each is warmed up and calibrated
     * in order, then batch {@code i} of every body runs before batch {@code i + 1} of any, so that
     * a change in the machine's load between batches reaches all bodies alike and the ratio of two
     * bodies' batch {@code i} compares them under the same conditions.
     *
     * @return one timing per body, in order
     */
    public List<Timing> timeInterleaved(List<? extends Supplier<?>> bodies) {
        int[] calls = new int[bodies.size()];
        for (int b = 0; b < calls.length; b++) {
            calls[b] = warmUpAndCalibrate(bodies.get(b));
        }
        double[][] perCall = new double[calls.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int b = 0; b < calls.length; b++) {
                perCall[b][i] = (double) batch(bodies.get(b), calls[b]) / calls[b];
            }
        }
        List<Timing> timings = new ArrayList<>();
        for (int b = 0; b < calls.length; b++) {
            timings.add(new Timing(calls[b], perCall[b]));
        }
        return timings;
    }

    /** Warms {@code body} up and returns the calls per batch. */
    private int warmUpAndCalibrate(Supplier<?> body) {
        long[] lastCalls = new long[WARMUP_CALLS_KEPT];
        long start = System.nanoTime();
        long warm = 0;
        for (long t = start; warm < Math.max(2, warmupCalls) || t - start < warmupNanos; warm++) {
            sink = body.get();
            long now = System.nanoTime();
            lastCalls[(int) (warm % lastCalls.length)] = now - t;
            t = now;
        }
        long[] kept = Arrays.copyOf(lastCalls, (int) Math.min(warm, lastCalls.length));
        Arrays.sort(kept);
        long typical = Math.max(1, kept[kept.length / 2]);
        int calls = (int) Math.min(MAX_CALLS, Math.max(1, ceilDiv(minBatchNanos, typical)));
        while (calls < MAX_CALLS && batch(body, calls) < minBatchNanos) {
            calls = Math.min(MAX_CALLS, 2 * calls);
        }
        return calls;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long batch(Supplier<?> body, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = body.get();
        }
        return System.nanoTime() - t0;
    }
}
