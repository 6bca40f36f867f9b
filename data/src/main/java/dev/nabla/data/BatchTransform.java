package dev.nabla.data;

import dev.nabla.tensor.random.Rng;

/**
 * A function on a whole batch, applied by a {@link DataLoader} in its worker threads after the
 * samples are stacked (per-batch normalization, batch-level mixing).
 *
 * <p>The {@code rng} is made for this one call from (loader seed, epoch, batch number) by
 * {@link DataLoader#batchRng}, so results do not depend on the number of workers. The transform
 * runs on several threads at once: keep it free of shared mutable state.
 */
@FunctionalInterface
public interface BatchTransform {

    /**
     * The transformed batch.
     *
     * @param batch features {@code [N, ...]}, labels {@code [N]}
     * @param rng   this batch's generator, owned by this call
     */
    Batch apply(Batch batch, Rng rng);

    /** This transform, then {@code next}, both drawing from the same per-batch generator. */
    default BatchTransform andThen(BatchTransform next) {
        return (batch, rng) -> next.apply(apply(batch, rng), rng);
    }
}
