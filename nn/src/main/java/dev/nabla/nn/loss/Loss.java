package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;

/** A loss function: compares a model's output with a target and returns a tensor to minimise. */
@FunctionalInterface
public interface Loss {
    /**
     * The loss of {@code input} against {@code target}; each implementation states the shapes it
     * takes. The result is a scalar, or per-element losses for {@link Reduction#NONE}.
     *
     * @throws IllegalArgumentException if the shapes, dtypes, devices or target values do not fit
     */
    Tensor apply(Tensor input, Tensor target);
}
