package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;

/**
 * A quality measure of a model's outputs, accumulated over the batches of an epoch: the
 * {@link dev.nabla.train.Trainer} calls {@link #update} once per batch and {@link #result} at the
 * end, so the result is exact over the whole epoch, not an average of batch results. A metric is
 * used for training and then for validation, with a {@link #reset} in between.
 */
public interface Metric {
    /**
     * The name under which the {@link dev.nabla.train.History} records it, such as
     * {@code "accuracy"}; validation values are recorded as {@code "val_" + name()}.
     */
    String name();

    /** Whether a higher value is better (accuracy) rather than a lower one (an error). */
    boolean higherIsBetter();

    /**
     * Adds one batch.
     *
     * @param output the model's output {@code [N, ...]}, as each implementation states
     * @param target the batch's labels {@code [N]}
     * @throws IllegalArgumentException if the shapes or target values do not fit the metric
     */
    void update(Tensor output, Tensor target);

    /** The value over every batch since the last {@link #reset}; NaN when none was added. */
    double result();

    /** Forgets every batch added. */
    void reset();

    /** The accumulated sums, for checkpoints: {@link #restore} continues exactly from them. */
    double[] state();

    /**
     * Continues from a {@link #state()} of a metric of the same kind.
     *
     * @throws IllegalArgumentException if {@code state} has the wrong length
     */
    void restore(double[] state);
}
