package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * As PyTorch's {@code SmoothL1Loss}: with {@code z = |x - y|}, the loss is {@code 0.5 z^2 / beta}
 * where {@code z < beta} and {@code z - 0.5 beta} elsewhere; {@code beta = 0} gives the L1 loss.
 * Input and target of one shape {@code [*]}; the result is a scalar, or {@code [*]} for
 * {@link Reduction#NONE}.
 *
 * @param reduction how the per-element losses combine (PyTorch's default: MEAN)
 * @param beta      where the quadratic part ends, {@code >= 0} (default 1)
 */
public record SmoothL1Loss(Reduction reduction, double beta) implements Loss {
    /** @throws IllegalArgumentException if beta is negative or NaN */
    public SmoothL1Loss {
        Objects.requireNonNull(reduction, "reduction");
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be >= 0, got " + beta);
        }
    }

    /** Mean reduction, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /** This loss with another reduction. */
    public SmoothL1Loss reduction(Reduction value) {
        return new SmoothL1Loss(value, beta);
    }

    /** This loss with another beta. */
    public SmoothL1Loss beta(double value) {
        return new SmoothL1Loss(reduction, value);
    }

    /** @throws IllegalArgumentException if input and target differ in shape, dtype or device */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape("smoothL1Loss", input, target);
        Tensor z = input.sub(target).abs();
        if (beta == 0) {
            // As PyTorch: the quadratic branch would divide by zero, and its gradient with it.
            return reduction.reduce(z);
        }
        return reduction.reduce(Tensor.where(z.lt(beta), z.mul(z).mul(0.5 / beta), z.sub(0.5 * beta)));
    }

    @Override
    public String toString() {
        return LossChecks.repr("SmoothL1Loss", LossChecks.reduction(reduction, Reduction.MEAN),
                beta == 1.0 ? null : "beta=" + beta);
    }
}
