package dev.nabla.train.callbacks;

import dev.nabla.train.BatchEnd;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Measures how fast a fit trains: the samples of its training batches over the time from each
 * epoch's start to its last batch's end, so validation, checkpoints and reports after the last
 * batch are not counted. The first epoch counts too (a JIT-compiled language is slower while it
 * warms up; {@link #samplesPerSecondAfterFirstEpoch()} leaves that out).
 *
 * <pre>{@code
 * Throughput speed = new Throughput();
 * trainer.fit(train, validation, 10, speed);
 * System.out.printf("%.0f samples/s%n", speed.samplesPerSecond());
 * }</pre>
 */
public final class Throughput implements Callback {
    private final LongSupplier clock;
    private long epochStart;
    private long lastBatchEnd;
    private long samples;
    private long nanos;
    private long firstEpochSamples = -1;
    private long firstEpochNanos;
    private long firstBatchEnd = -1;

    /** Timed by {@link System#nanoTime()}. */
    public Throughput() {
        this(System::nanoTime);
    }

    /** Timed by {@code clock}, in nanoseconds (for tests). */
    public Throughput(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void onEpochStart(FitContext context) {
        epochStart = clock.getAsLong();
        lastBatchEnd = epochStart;
    }

    @Override
    public void onBatchEnd(FitContext context, BatchEnd batch) {
        lastBatchEnd = clock.getAsLong();
        if (firstBatchEnd < 0) {
            firstBatchEnd = lastBatchEnd;
        }
        samples += batch.size();
    }

    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        nanos += lastBatchEnd - epochStart;
        if (firstEpochSamples < 0) {
            firstEpochSamples = samples;
            firstEpochNanos = nanos;
        }
    }

    /** The training samples of the epochs finished so far. */
    public long samples() {
        return samples;
    }

    /** The seconds those epochs spent in training batches. */
    public double trainingSeconds() {
        return nanos / 1e9;
    }

    /** Training samples per second over every finished epoch; NaN before the first. */
    public double samplesPerSecond() {
        return nanos == 0 ? Double.NaN : samples / (nanos / 1e9);
    }

    /** Training samples per second over the finished epochs after the first; NaN with fewer than two. */
    public double samplesPerSecondAfterFirstEpoch() {
        long rest = nanos - firstEpochNanos;
        return firstEpochSamples < 0 || rest == 0 ? Double.NaN : (samples - firstEpochSamples) / (rest / 1e9);
    }

    /** The clock's reading when the first training batch ended, or -1 before it. */
    public long firstBatchEnd() {
        return firstBatchEnd;
    }

    @Override
    public String toString() {
        return "Throughput(" + samples + " samples in " + trainingSeconds() + " s)";
    }
}
