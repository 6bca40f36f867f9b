package dev.nabla.train.metrics;

/**
 * A weighted mean accumulated batch by batch: the sum of {@code value * weight} and the sum of
 * the weights, in double precision. Adding each batch's mean with its sample count as weight
 * gives the mean over every sample seen, not the mean of the batch means.
 */
public final class RunningMean {
    private double sum;
    private double weight;

    /** Adds {@code value} with weight {@code weight} (for example a batch's mean loss and its size). */
    public void add(double value, double weight) {
        this.sum += value * weight;
        this.weight += weight;
    }

    /** Adds a sum that already includes its weights (for example a count of correct predictions). */
    public void addSum(double sum, double weight) {
        this.sum += sum;
        this.weight += weight;
    }

    /** The weighted mean so far; NaN before anything was added. */
    public double mean() {
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** The total weight so far (the number of samples, for batch means weighted by size). */
    public double weight() {
        return weight;
    }

    /** Forgets everything added. */
    public void reset() {
        sum = 0;
        weight = 0;
    }

    /** {@code [sum, weight]}, for checkpoints: {@link #restore} continues exactly from it. */
    public double[] state() {
        return new double[] {sum, weight};
    }

    /**
     * Continues from a {@link #state()}.
     *
     * @throws IllegalArgumentException if {@code state} does not hold two numbers
     */
    public void restore(double[] state) {
        if (state == null || state.length != 2) {
            throw new IllegalArgumentException("runningMean.restore: the state must hold [sum, weight], got "
                    + (state == null ? "null" : state.length + " numbers"));
        }
        sum = state[0];
        weight = state[1];
    }
}
