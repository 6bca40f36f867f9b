package dev.nabla.train;

import dev.nabla.autodiff.Tensor;
import java.util.Map;

/**
 * Code the {@link Trainer} runs at points of a fit, in the order the callbacks were given (the
 * trainer's own learning-rate schedule, if any, first). Every method does nothing by default.
 *
 * <p>A callback with state that a resumed fit needs (the best value so far, a schedule's
 * progress) returns it from {@link #stateDict()}; {@link Trainer#saveCheckpoint} stores it and a
 * fit after {@link Trainer#resume} hands it back through {@link #loadStateDict}, after
 * {@link #onFitStart}.
 */
public interface Callback {
    /** Before the first epoch; the place to check settings against {@link FitContext#metricNames()}. */
    default void onFitStart(FitContext context) {
    }

    /** Before the first batch of an epoch ({@link FitContext#epoch()}). */
    default void onEpochStart(FitContext context) {
    }

    /** After the optimizer step of each training batch. */
    default void onBatchEnd(FitContext context, BatchEnd batch) {
    }

    /**
     * After the validation of an epoch, once its values are in the {@link History}.
     *
     * @param logs the epoch's values by name, as {@link History#lastEpoch()}
     */
    default void onEpochEnd(FitContext context, Map<String, Double> logs) {
    }

    /** After the last epoch, or after the epoch at which a callback asked to stop. */
    default void onFitEnd(FitContext context) {
    }

    /**
     * What a resumed fit needs to continue as if never stopped, as named tensors; empty by
     * default. The trainer copies nothing: return tensors the callback no longer writes.
     */
    default Map<String, Tensor> stateDict() {
        return Map.of();
    }

    /**
     * Restores a {@link #stateDict()}.
     *
     * @throws IllegalArgumentException if {@code state} was not written by a callback of this kind
     */
    default void loadStateDict(Map<String, Tensor> state) {
    }
}
