package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Absolute error {@code |x - y|}, as PyTorch's {@code L1Loss}: input and target of one shape
 * {@code [*]}; the result is a scalar, or {@code [*]} for {@link Reduction#NONE}. The gradient
 * where {@code x == y} is 0.
 *
 * @param reduction how the per-element losses combine (PyTorch's default: MEAN)
 */
public record L1Loss(Reduction reduction) implements Loss {
    public L1Loss {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** The mean absolute error. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** This loss with another reduction. */
    public L1Loss reduction(Reduction value) {
        return new L1Loss(value);
    }

    /** @throws IllegalArgumentException if input and target differ in shape, dtype or device */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape("l1Loss", input, target);
        return reduction.reduce(input.sub(target).abs());
    }

    @Override
    public String toString() {
        return LossChecks.repr("L1Loss", LossChecks.reduction(reduction, Reduction.MEAN));
    }
}
