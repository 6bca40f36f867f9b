package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;

/**
 * How {@link KlDivLoss} combines its per-element values: {@link Reduction}'s choices plus
 * {@link #BATCH_MEAN}, which only this loss defines. A separate type, so that no other loss can be
 * given it.
 */
public enum KlDivReduction {
    /** The per-element losses, unreduced. */
    NONE,
    /**
     * The mean over every element. PyTorch warns that this is not the KL divergence when the
     * input has a batch axis; {@link #BATCH_MEAN} is.
     */
    MEAN,
    /** The sum of the per-element losses. */
    SUM,
    /** The sum divided by the batch size {@code input.dim(0)} (the sum for a scalar input). */
    BATCH_MEAN;

    /** {@code perElement} (of any shape) reduced as this constant says. */
    Tensor reduce(Tensor perElement) {
        if (this != BATCH_MEAN) {
            return Reduction.valueOf(name()).reduce(perElement);
        }
        return perElement.rank() == 0 ? perElement.sum() : perElement.sum().div(perElement.dim(0));
    }
}
