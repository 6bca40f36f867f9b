package dev.nabla.tensor.spi;

/**
 * The hyperparameters of one {@link Backend#adamStep}: PyTorch's Adam (weight decay added to the
 * gradient) or AdamW (weight decay applied to the parameter, decoupled), with or without AMSGrad.
 * The optimizer that makes one has validated them.
 *
 * @param lr          learning rate
 * @param beta1       decay of the first moment
 * @param beta2       decay of the second moment
 * @param eps         added to the denominator
 * @param weightDecay weight decay coefficient (0: none)
 * @param decoupled   AdamW's decay of the parameter by {@code lr * weightDecay}, rather than Adam's
 *                    L2 term in the gradient
 * @param amsgrad     divide by the running maximum of the second moment
 * @param step        the number of this step, from 1, for the bias corrections
 */
public record AdamStep(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                       boolean amsgrad, long step) {

    /** {@code lr / (1 - beta1^step)}: the step size after the first moment's bias correction. */
    public double stepSize() {
        return lr / (1 - Math.pow(beta1, step));
    }

    /** {@code sqrt(1 - beta2^step)}: the second moment's bias correction, under the square root. */
    public double secondMomentCorrection() {
        return Math.sqrt(1 - Math.pow(beta2, step));
    }
}
