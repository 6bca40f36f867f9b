package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Squared error {@code (x - y)^2}, as PyTorch's {@code MSELoss}: input and target of one shape
 * {@code [*]}; the result is a scalar, or {@code [*]} for {@link Reduction#NONE}.
 *
 * @param reduction how the per-element losses combine (PyTorch's default: MEAN)
 */
public record MseLoss(Reduction reduction) implements Loss {
    public MseLoss {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** The mean squared error. */
    public MseLoss() {
        this(Reduction.MEAN);
    }

    /** This loss with another reduction. */
    public MseLoss reduction(Reduction value) {
        return new MseLoss(value);
    }

    /** @throws IllegalArgumentException if input and target differ in shape, dtype or device */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape("mseLoss", input, target);
        Tensor difference = input.sub(target);
        return reduction.reduce(difference.mul(difference));
    }

    @Override
    public String toString() {
        return LossChecks.repr("MSELoss", LossChecks.reduction(reduction, Reduction.MEAN));
    }
}
