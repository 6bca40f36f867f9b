package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;

/**
 * The losses as static functions, named and ordered as in {@code torch.nn.functional}: each has a
 * form with PyTorch's defaults and one taking every setting. Shapes, settings and errors are those
 * of the loss records ({@link MseLoss}, {@link CrossEntropyLoss}, ...), which these call.
 */
public final class Losses {
    private Losses() {
    }

    /** Mean squared error of input and target {@code [*]}; see {@link MseLoss}. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return new MseLoss().apply(input, target);
    }

    /** Squared error of input and target {@code [*]}, reduced; see {@link MseLoss}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return new MseLoss(reduction).apply(input, target);
    }

    /** Mean absolute error of input and target {@code [*]}; see {@link L1Loss}. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return new L1Loss().apply(input, target);
    }

    /** Absolute error of input and target {@code [*]}, reduced; see {@link L1Loss}. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return new L1Loss(reduction).apply(input, target);
    }

    /** Smooth L1 loss of input and target {@code [*]}, beta 1, mean; see {@link SmoothL1Loss}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return new SmoothL1Loss().apply(input, target);
    }

    /** Smooth L1 loss of input and target {@code [*]}; see {@link SmoothL1Loss}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return new SmoothL1Loss(reduction, beta).apply(input, target);
    }

    /** Huber loss of input and target {@code [*]}, delta 1, mean; see {@link HuberLoss}. */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return new HuberLoss().apply(input, target);
    }

    /** Huber loss of input and target {@code [*]}; see {@link HuberLoss}. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return new HuberLoss(reduction, delta).apply(input, target);
    }

    /**
     * Mean cross-entropy of scores {@code [N, C, d1, ...]} (or {@code [C]}) against class indices
     * {@code [N, d1, ...]} or class probabilities of the input's shape; see {@link CrossEntropyLoss}.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return new CrossEntropyLoss().apply(input, target);
    }

    /**
     * Cross-entropy with class weights {@code [C]} (or null), an ignore index, a reduction and
     * label smoothing; see {@link CrossEntropyLoss}.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                      Reduction reduction, double labelSmoothing) {
        return new CrossEntropyLoss(weight, ignoreIndex, reduction, labelSmoothing).apply(input, target);
    }

    /**
     * Mean negative log-likelihood of log-probabilities {@code [N, C, d1, ...]} (or {@code [C]})
     * at class indices {@code [N, d1, ...]}; see {@link NllLoss}.
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return new NllLoss().apply(input, target);
    }

    /** Negative log-likelihood with class weights {@code [C]} (or null); see {@link NllLoss}. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        return new NllLoss(weight, ignoreIndex, reduction).apply(input, target);
    }

    /** Mean binary cross-entropy of probabilities and targets {@code [*]}; see {@link BceLoss}. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return new BceLoss().apply(input, target);
    }

    /** Binary cross-entropy with per-element weights (or null); see {@link BceLoss}. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return new BceLoss(weight, reduction).apply(input, target);
    }

    /** Mean binary cross-entropy of logits and targets {@code [*]}; see {@link BceWithLogitsLoss}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return new BceWithLogitsLoss().apply(input, target);
    }

    /**
     * Binary cross-entropy of logits with per-element weights and positive-term weights (either may
     * be null); see {@link BceWithLogitsLoss}.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight,
                                                      Reduction reduction, Tensor posWeight) {
        return new BceWithLogitsLoss(weight, reduction, posWeight).apply(input, target);
    }

    /**
     * KL divergence of log-probabilities {@code [*]} from probabilities {@code [*]}, averaged over
     * every element as PyTorch's default; see {@link KlDivLoss}.
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return new KlDivLoss().apply(input, target);
    }

    /** KL divergence with a reduction and target form; see {@link KlDivLoss}. */
    public static Tensor klDiv(Tensor input, Tensor target, KlDivReduction reduction, boolean logTarget) {
        return new KlDivLoss(reduction, logTarget).apply(input, target);
    }
}
