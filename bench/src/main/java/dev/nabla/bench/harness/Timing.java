package dev.nabla.bench.harness;

import java.util.Arrays;

/**
 * The timed batches of one {@link Stopwatch} measurement: each batch made {@code calls} calls of
 * the body, and {@code nanosPerCall[i]} is batch {@code i}'s time divided by its calls, in the
 * order they ran.
 *
 * @param calls        calls per batch, at least 1
 * @param nanosPerCall one entry per batch, at least one
 */
public record Timing(int calls, double[] nanosPerCall) {

    /**
     * @throws IllegalArgumentException if {@code calls < 1} or there is no batch
     */
    public Timing {
        if (calls < 1 || nanosPerCall.length == 0) {
            throw new IllegalArgumentException("timing: needs at least one batch of at least one call, got "
                    + nanosPerCall.length + " batches of " + calls + " calls");
        }
        nanosPerCall = nanosPerCall.clone();
    }

    /**
     * The median time per call: the middle batch, or the mean of the two middle ones for an even
     * number of batches. Unlike the mean it ignores a batch that a neighbouring process or a garbage
     * collection slowed down.
     */
    public double median() {
        return median(nanosPerCall);
    }

    /**
     * The median of {@code values}: the middle one, or the mean of the two middle ones for an even
     * count; {@code values} is not modified.
     *
     * @throws IllegalArgumentException if there is no value
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median: no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The fastest batch's time per call. */
    public double min() {
        return sorted()[0];
    }

    /** The slowest batch's time per call. */
    public double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    /** The times per call in the order the batches ran (a copy). */
    @Override
    public double[] nanosPerCall() {
        return nanosPerCall.clone();
    }

    private double[] sorted() {
        double[] sorted = nanosPerCall.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
