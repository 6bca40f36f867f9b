package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * Cross-entropy of unnormalised scores against class targets, as PyTorch's
 * {@code CrossEntropyLoss}: {@code logSoftmax} over the class axis, then the negative
 * log-likelihood. The input is {@code [N, C]}, {@code [N, C, d1, ...]} (e.g. {@code [N, C, H, W]}
 * for segmentation) or unbatched {@code [C]}. The target is either
 * <ul>
 *   <li>class indices {@code [N]}, {@code [N, d1, ...]} or {@code []}, as float values (whole
 *       numbers in {@code [0, C)}, or {@code ignoreIndex}); MEAN is then the weighted mean, the
 *       sum divided by the total weight of the targets not ignored (NaN if all are); or</li>
 *   <li>class probabilities of the input's own shape; MEAN then divides by the number of
 *       positions {@code N * d1 * ...}, and {@code ignoreIndex} must stay negative.</li>
 * </ul>
 * With label smoothing {@code s}, the target distribution is {@code (1 - s)} on the target plus
 * {@code s / C} on every class, reduced as PyTorch does (for index targets, the uniform part
 * is weighted by the class weights and normalised by the same total weight). The result is a
 * scalar, or {@code [N, d1, ...]} for {@link Reduction#NONE}.
 *
 * @param weight         class weights {@code [C]} (converted to the input's dtype and device), or
 *                       null for 1 each (the default)
 * @param ignoreIndex    an index target value that contributes nothing (default -100)
 * @param reduction      how the per-position losses combine (default MEAN)
 * @param labelSmoothing in {@code [0, 1]} (default 0)
 */
public record CrossEntropyLoss(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing)
        implements Loss {
    /** @throws IllegalArgumentException if the weight is not 1-D or labelSmoothing is outside [0, 1] */
    public CrossEntropyLoss {
        Objects.requireNonNull(reduction, "reduction");
        LossChecks.requireClassVector("CrossEntropyLoss", weight);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be in [0, 1], got "
                    + labelSmoothing);
        }
    }

    /** No class weights, ignore index -100, mean reduction, no label smoothing. */
    public CrossEntropyLoss() {
        this(null, NllLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    /** This loss with class weights {@code [C]} (null for none). */
    public CrossEntropyLoss weight(Tensor value) {
        return new CrossEntropyLoss(value, ignoreIndex, reduction, labelSmoothing);
    }

    /** This loss ignoring index targets equal to {@code value}. */
    public CrossEntropyLoss ignoreIndex(int value) {
        return new CrossEntropyLoss(weight, value, reduction, labelSmoothing);
    }

    /** This loss with another reduction. */
    public CrossEntropyLoss reduction(Reduction value) {
        return new CrossEntropyLoss(weight, ignoreIndex, value, labelSmoothing);
    }

    /** This loss with label smoothing {@code value} in [0, 1]. */
    public CrossEntropyLoss labelSmoothing(double value) {
        return new CrossEntropyLoss(weight, ignoreIndex, reduction, value);
    }

    /**
     * @throws IllegalArgumentException if the target's shape fits neither form, the weight's length
     *                                  is not C, an index target is not a whole number in
     *                                  {@code [0, C)} or the ignore index, or probabilities come
     *                                  with a non-negative ignore index
     */
    @Override
    public Tensor apply(Tensor input, Tensor target) {
        String op = "crossEntropy";
        boolean probabilities = input.rank() > 0 && target.shape().equals(input.shape());
        if (probabilities) {
            LossChecks.requireSameShape(op, input, target);
        } else {
            ClassTargets.requireIndexShape(op, input, target, " or class probabilities of shape " + input.shape());
        }
        boolean unbatched = input.rank() == 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y = unbatched ? target.unsqueeze(0) : target;
        Tensor w = LossChecks.classWeight(op, weight, x.dim(1), input);
        Tensor logProbs = x.logSoftmax(1);
        Tensor loss = probabilities ? againstProbabilities(op, logProbs, y, w) : againstIndices(op, logProbs, y, w);
        return unbatched && reduction == Reduction.NONE ? loss.squeeze(0) : loss;
    }

    private Tensor againstIndices(String op, Tensor logProbs, Tensor target, Tensor w) {
        ClassTargets targets = ClassTargets.of(op, logProbs, target, w, ignoreIndex);
        Tensor nll = targets.reduce(targets.negativeLogLikelihood(logProbs), reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor uniform = targets.reduce(targets.zeroWhereIgnored(weighted(logProbs, w).sum(1).neg()), reduction);
        return nll.mul(1 - labelSmoothing).add(uniform.mul(labelSmoothing / logProbs.dim(1)));
    }

    private Tensor againstProbabilities(String op, Tensor logProbs, Tensor target, Tensor w) {
        if (ignoreIndex >= 0) {
            throw new IllegalArgumentException(op + ": ignoreIndex=" + ignoreIndex + " cannot apply to a target of"
                    + " class probabilities (target " + target.shape() + " has the input's shape); leave it negative");
        }
        int classes = logProbs.dim(1);
        Tensor p = labelSmoothing == 0 ? target : target.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        Tensor terms = weighted(logProbs.mul(p), w);
        return switch (reduction) {
            case NONE -> terms.sum(1).neg();
            case SUM -> terms.sum().neg();
            case MEAN -> terms.sum().neg().div(logProbs.numel() / classes);
        };
    }

    /** {@code perClass} ({@code [N, C, d1, ...]}) times the class weights, if any. */
    private static Tensor weighted(Tensor perClass, Tensor w) {
        return w == null ? perClass : perClass.mul(ClassTargets.alongClassAxis(w, perClass.rank()));
    }

    @Override
    public String toString() {
        return LossChecks.repr("CrossEntropyLoss", LossChecks.tensor("weight", weight),
                ignoreIndex == NllLoss.DEFAULT_IGNORE_INDEX ? null : "ignoreIndex=" + ignoreIndex,
                LossChecks.reduction(reduction, Reduction.MEAN),
                labelSmoothing == 0 ? null : "labelSmoothing=" + labelSmoothing);
    }
}
