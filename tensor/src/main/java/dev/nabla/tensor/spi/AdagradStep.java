package dev.nabla.tensor.spi;

/**
 * The hyperparameters of one {@link Backend#adagradStep}: PyTorch's Adagrad. The optimizer that
 * makes one has validated them.
 *
 * @param lr          learning rate
 * @param lrDecay     learning-rate decay per step
 * @param weightDecay L2 coefficient added to the gradient (0: none)
 * @param eps         added to the denominator
 * @param step        the number of this step, from 1
 */
public record AdagradStep(double lr, double lrDecay, double weightDecay, double eps, long step) {

    /** {@code lr / (1 + (step - 1) * lrDecay)}: this step's learning rate. */
    public double decayedLr() {
        return lr / (1 + (step - 1) * lrDecay);
    }
}
