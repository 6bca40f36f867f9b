package dev.nabla.tensor.spi;

/**
 * The hyperparameters of one {@link Backend#rmspropStep}: PyTorch's RMSprop, optionally centered
 * and with momentum. The optimizer that makes one has validated them.
 *
 * @param lr          learning rate
 * @param alpha       decay of the squared-gradient average (and of the gradient average, centered)
 * @param eps         added to the denominator
 * @param weightDecay L2 coefficient added to the gradient (0: none)
 * @param momentum    momentum factor (0: none)
 * @param centered    divide by an estimate of the gradient's variance instead of its second moment
 */
public record RmspropStep(double lr, double alpha, double eps, double weightDecay, double momentum,
                          boolean centered) {

    /** Whether the step keeps a momentum buffer. */
    public boolean hasMomentum() {
        return momentum > 0;
    }
}
