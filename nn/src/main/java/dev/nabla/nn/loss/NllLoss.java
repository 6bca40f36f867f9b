package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Negative log-likelihood, as PyTorch's {@code NLLLoss}: {@code -weight[t] * input[n, t]} for each
 * target class {@code t}. The input holds log-probabilities {@code [N, C]}, {@code [N, C, d1, ...]}
 * or unbatched {@code [C]}; the target holds class indices {@code [N]}, {@code [N, d1, ...]} or
 * {@code []} as float values (whole numbers in {@code [0, C)}, or {@code ignoreIndex}). The result
 * is a scalar, or the target's shape for {@link Reduction#NONE}. MEAN is the weighted mean: the
 * sum divided by the total weight of the targets that are not ignored (NaN if all are).
 *
 * @param weight      class weights {@code [C]} (converted to the input's dtype and device), or
 *                    null for 1 each (the default)
 * @param ignoreIndex a target value that contributes nothing (default -100)
 * @param reduction   how the per-position losses combine (default MEAN)
 */
public record NllLoss(Tensor weight, int ignoreIndex, Reduction reduction) implements Loss {
    /** PyTorch's default ignore index. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    /** @throws IllegalArgumentException if the weight is not 1-D */
    public NllLoss {
        Objects.requireNonNull(reduction, "reduction");
        LossChecks.requireClassVector("NLLLoss", weight);
    }

    /** No class weights, ignore index -100, mean reduction. */
    public NllLoss() {
        this(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /** This loss with class weights {@code [C]} (null for none). */
    public NllLoss weight(Tensor value) {
        return new NllLoss(value, ignoreIndex, reduction);
    }

    /** This loss ignoring targets equal to {@code value}. */
    public NllLoss ignoreIndex(int value) {
        return new NllLoss(weight, value, reduction);
    }

    /** This loss with another reduction. */
    public NllLoss reduction(Reduction value) {
        return new NllLoss(weight, ignoreIndex, value);
    }

    /**
     * @throws IllegalArgumentException if the target's shape does not fit the input, the weight's
     *                                  length is not C, or a target value is not a whole number
     *                                  in {@code [0, C)} or the ignore index
     */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        String op = "nllLoss";
        ClassTargets.requireIndexShape(op, input, target, "");
        boolean unbatched = input.rank() == 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor w = LossChecks.classWeight(op, weight, x.dim(1), input);
        ClassTargets targets = ClassTargets.of(op, x, unbatched ? target.unsqueeze(0) : target, w, ignoreIndex);
        Tensor loss = targets.reduce(targets.negativeLogLikelihood(x), reduction);
        return unbatched && reduction == Reduction.NONE ? loss.squeeze(0) : loss;
    }

    @Override
    public String toString() {
        return LossChecks.repr("NLLLoss", LossChecks.tensor("weight", weight),
                ignoreIndex == DEFAULT_IGNORE_INDEX ? null : "ignoreIndex=" + ignoreIndex,
                LossChecks.reduction(reduction, Reduction.MEAN));
    }
}
