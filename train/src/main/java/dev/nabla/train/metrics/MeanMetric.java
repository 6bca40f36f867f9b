package dev.nabla.train.metrics;

/**
 * A {@link Metric} that is a ratio of two running sums (correct predictions over samples, squared
 * errors over elements): subclasses add each batch's sums with {@link #add}.
 */
public abstract class MeanMetric implements Metric {
    private final RunningMean mean = new RunningMean();

    /** Adds a batch's {@code sum} (for example its correct predictions) over {@code count} items. */
    protected final void add(double sum, double count) {
        mean.addSum(sum, count);
    }

    @Override
    public final double result() {
        return mean.mean();
    }

    @Override
    public final void reset() {
        mean.reset();
    }

    @Override
    public final double[] state() {
        return mean.state();
    }

    @Override
    public final void restore(double[] state) {
        mean.restore(state);
    }

    @Override
    public String toString() {
        return name();
    }
}
