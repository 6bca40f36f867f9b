package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Binary cross-entropy of logits, as PyTorch's {@code BCEWithLogitsLoss}: the {@link BceLoss} of
 * {@code sigmoid(x)}, computed without overflow as
 * {@code weight * ((1 - y) x + (1 + (posWeight - 1) y) softplus(-x))}, where
 * {@code softplus(-x) = m + log(exp(-m) + exp(-x - m))} with {@code m = max(-x, 0)}. Input
 * (any real scores) and target of one shape {@code [*]}; the result is a scalar, or {@code [*]} for
 * {@link Reduction#NONE}.
 *
 * @param weight    per-element weights broadcasting to the input's shape, or null for 1 (default)
 * @param reduction how the per-element losses combine (default MEAN)
 * @param posWeight weights of the positive term, broadcasting to the input's shape (typically
 *                  {@code [C]}, one per class of the last axis: negatives / positives), or null
 *                  for 1 (default); both weights are converted to the input's dtype and device
 */
public record BceWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) implements Loss {
    public BceWithLogitsLoss {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** No weights, mean reduction. */
    public BceWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    /** This loss with per-element weights (null for none). */
    public BceWithLogitsLoss weight(Tensor value) {
        return new BceWithLogitsLoss(value, reduction, posWeight);
    }

    /** This loss with another reduction. */
    public BceWithLogitsLoss reduction(Reduction value) {
        return new BceWithLogitsLoss(weight, value, posWeight);
    }

    /** This loss with weights of the positive term (null for none). */
    public BceWithLogitsLoss posWeight(Tensor value) {
        return new BceWithLogitsLoss(weight, reduction, value);
    }

    /**
     * @throws IllegalArgumentException if input and target differ in shape, dtype or device, or a
     *                                  weight does not broadcast to the input's shape
     */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        String op = "binaryCrossEntropyWithLogits";
        LossChecks.requireSameShape(op, input, target);
        Tensor w = LossChecks.elementWeight(op, "weight", weight, input);
        Tensor pw = LossChecks.elementWeight(op, "posWeight", posWeight, input);
        // The shift m cancels out of the value, so it needs no gradient.
        Tensor m = input.detach().neg().clampMin(0);
        Tensor softplusOfNegative = m.neg().exp().add(input.neg().sub(m).exp()).log().add(m);
        Tensor positiveFactor = pw == null ? softplusOfNegative : pw.sub(1).mul(target).add(1).mul(softplusOfNegative);
        Tensor loss = target.neg().add(1).mul(input).add(positiveFactor);
        return reduction.reduce(w == null ? loss : loss.mul(w));
    }

    @Override
    public String toString() {
        return LossChecks.repr("BCEWithLogitsLoss", LossChecks.tensor("weight", weight),
                LossChecks.reduction(reduction, Reduction.MEAN), LossChecks.tensor("posWeight", posWeight));
    }
}
