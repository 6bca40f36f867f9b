package dev.nabla.tensor.spi;

/**
 * The hyperparameters of one {@link Backend#sgdStep}: PyTorch's SGD with momentum, dampening,
 * L2 weight decay and Nesterov momentum. The optimizer that makes one has validated them
 * (non-negative, Nesterov only with momentum and no dampening).
 *
 * @param lr          learning rate
 * @param momentum    momentum factor (0: none, and no buffer)
 * @param dampening   dampening of the momentum
 * @param weightDecay L2 coefficient added to the gradient (0: none)
 * @param nesterov    Nesterov momentum
 */
public record SgdStep(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
}
