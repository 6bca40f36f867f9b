package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;

/** How a loss combines its per-element values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The per-element losses, unreduced. */
    NONE,
    /** The mean of the per-element losses (a weighted mean for losses with class weights). */
    MEAN,
    /** The sum of the per-element losses. */
    SUM;

    /** {@code perElement} reduced to a scalar by mean or sum, or returned as is for NONE. */
    Tensor reduce(Tensor perElement) {
        return switch (this) {
            case NONE -> perElement;
            case MEAN -> perElement.mean();
            case SUM -> perElement.sum();
        };
    }
}
