package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Binary cross-entropy of probabilities, as PyTorch's {@code BCELoss}:
 * {@code -weight * (y log(x) + (1 - y) log(1 - x))}, each log clamped below at -100 so that
 * {@code x = 0} or {@code 1} gives a finite loss. Input (probabilities in [0, 1]) and target of one
 * shape {@code [*]}; the result is a scalar, or {@code [*]} for {@link Reduction#NONE}.
 *
 * <p>The gradient is the exact derivative of that clamped loss: {@code (x - y) / (x (1 - x))}
 * times the weight, and 0 through a clamped log. PyTorch's differs only where
 * {@code x (1 - x) < 1e-12}, since it divides by {@code max(x (1 - x), 1e-12)}. For logits,
 * {@link BceWithLogitsLoss} is more accurate.
 *
 * @param weight    per-element weights broadcasting to the input's shape (converted to its dtype
 *                  and device), or null for 1 (the default)
 * @param reduction how the per-element losses combine (default MEAN)
 */
public record BceLoss(Tensor weight, Reduction reduction) implements Loss {
    private static final double LOG_FLOOR = -100;

    public BceLoss {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** No weight, mean reduction. */
    public BceLoss() {
        this(null, Reduction.MEAN);
    }

    /** This loss with per-element weights (null for none). */
    public BceLoss weight(Tensor value) {
        return new BceLoss(value, reduction);
    }

    /** This loss with another reduction. */
    public BceLoss reduction(Reduction value) {
        return new BceLoss(weight, value);
    }

    /**
     * @throws IllegalArgumentException if input and target differ in shape, dtype or device, the
     *                                  weight does not broadcast to the input, or an input value is
     *                                  outside [0, 1] or NaN (as in PyTorch)
     */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        String op = "binaryCrossEntropy";
        LossChecks.requireSameShape(op, input, target);
        Tensor w = LossChecks.elementWeight(op, "weight", weight, input);
        requireProbabilities(op, input);
        Tensor oneMinusTarget = target.neg().add(1);
        Tensor loss = target.mul(clampedLog(input)).add(oneMinusTarget.mul(clampedLog(input.neg().add(1)))).neg();
        return reduction.reduce(w == null ? loss : loss.mul(w));
    }

    /**
     * {@code max(log p, -100)} for p in [0, 1]; at {@code p = 0} the log's argument is replaced, so
     * the gradient is 0 there rather than {@code 0 * inf = NaN}.
     */
    private static Tensor clampedLog(Tensor p) {
        Tensor positive = p.gt(0.0);
        Tensor one = Tensor.scalar(1, p.dtype(), p.device());
        Tensor floor = Tensor.scalar(LOG_FLOOR, p.dtype(), p.device());
        return Tensor.where(positive, Tensor.where(positive, p, one).log().clampMin(LOG_FLOOR), floor);
    }

    private static void requireProbabilities(String op, Tensor input) {
        if (input.numel() == 0 || input.ge(0.0).mul(input.le(1.0)).min().item() == 1) {
            return;
        }
        double[] values = input.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(op + ": input value " + values[i] + " at flat position " + i
                        + " of " + input.shape() + " is not a probability in [0, 1]; apply sigmoid first, or use"
                        + " binaryCrossEntropyWithLogits on the raw scores");
            }
        }
    }

    @Override
    public String toString() {
        return LossChecks.repr("BCELoss", LossChecks.tensor("weight", weight),
                LossChecks.reduction(reduction, Reduction.MEAN));
    }
}
