package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * As PyTorch's {@code HuberLoss}: with {@code z = |x - y|}, the loss is {@code 0.5 z^2} where
 * {@code z < delta} and {@code delta (z - 0.5 delta)} elsewhere ({@link SmoothL1Loss} times
 * {@code delta}). Input and target of one shape {@code [*]}; the result is a scalar, or {@code [*]}
 * for {@link Reduction#NONE}.
 *
 * @param reduction how the per-element losses combine (PyTorch's default: MEAN)
 * @param delta     where the quadratic part ends, {@code > 0} (default 1)
 */
public record HuberLoss(Reduction reduction, double delta) implements Loss {
    /** @throws IllegalArgumentException if delta is not positive */
    public HuberLoss {
        Objects.requireNonNull(reduction, "reduction");
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0, got " + delta);
        }
    }

    /** Mean reduction, delta 1. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    /** This loss with another reduction. */
    public HuberLoss reduction(Reduction value) {
        return new HuberLoss(value, delta);
    }

    /** This loss with another delta. */
    public HuberLoss delta(double value) {
        return new HuberLoss(reduction, value);
    }

    /** @throws IllegalArgumentException if input and target differ in shape, dtype or device */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape("huberLoss", input, target);
        Tensor z = input.sub(target).abs();
        return reduction.reduce(Tensor.where(z.lt(delta), z.mul(z).mul(0.5), z.sub(0.5 * delta).mul(delta)));
    }

    @Override
    public String toString() {
        return LossChecks.repr("HuberLoss", LossChecks.reduction(reduction, Reduction.MEAN),
                delta == 1.0 ? null : "delta=" + delta);
    }
}
