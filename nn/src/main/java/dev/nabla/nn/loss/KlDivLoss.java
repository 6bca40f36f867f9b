package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Kullback-Leibler divergence, as PyTorch's {@code KLDivLoss}: the input holds log-probabilities,
 * the target probabilities ({@code y log y - y x}, with {@code 0 log 0 = 0}) or, with
 * {@code logTarget}, log-probabilities ({@code exp(y) (y - x)}). Input and target of one shape
 * {@code [*]}; the result is a scalar, or {@code [*]} for {@link KlDivReduction#NONE}. A negative
 * probability target gives NaN, as in PyTorch.
 *
 * @param reduction how the per-element losses combine. PyTorch's default is MEAN (over every
 *                  element), kept here for parity; {@link KlDivReduction#BATCH_MEAN} is the
 *                  divergence per sample
 * @param logTarget whether the target holds log-probabilities (default false)
 */
public record KlDivLoss(KlDivReduction reduction, boolean logTarget) implements Loss {
    public KlDivLoss {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** Mean reduction, probability targets. */
    public KlDivLoss() {
        this(KlDivReduction.MEAN, false);
    }

    /** This loss with another reduction. */
    public KlDivLoss reduction(KlDivReduction value) {
        return new KlDivLoss(value, logTarget);
    }

    /** This loss taking targets as log-probabilities ({@code true}) or probabilities. */
    public KlDivLoss logTarget(boolean value) {
        return new KlDivLoss(reduction, value);
    }

    /** @throws IllegalArgumentException if input and target differ in shape, dtype or device */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape("klDiv", input, target);
        Tensor loss = logTarget ? target.exp().mul(target.sub(input)) : xLogX(target).sub(target.mul(input));
        return reduction.reduce(loss);
    }

    /** {@code y log y}, 0 where {@code y = 0} (PyTorch's {@code xlogy(y, y)}), with a finite gradient there. */
    private static Tensor xLogX(Tensor y) {
        Tensor zero = y.eq(0.0);
        Tensor nought = Tensor.scalar(0, y.dtype(), y.device());
        Tensor one = Tensor.scalar(1, y.dtype(), y.device());
        return Tensor.where(zero, nought, y.mul(Tensor.where(zero, one, y).log()));
    }

    @Override
    public String toString() {
        return LossChecks.repr("KLDivLoss", LossChecks.reduction(reduction, KlDivReduction.MEAN),
                logTarget ? "logTarget=true" : null);
    }
}
