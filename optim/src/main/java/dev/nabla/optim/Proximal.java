package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;

/**
 * A proximal step {@code w <- prox(w, lr)} applied to a parameter right after its optimizer
 * update, so a non-smooth regularizer is handled exactly instead of through its subgradient:
 * {@link #l1} sets small weights to exact zeros, which a penalty in the loss never does. Set it on
 * a group with {@link ParamGroup#setProximal} or on all groups with
 * {@link Optimizer#setProximal}. Works with any optimizer; with SGD it is proximal gradient
 * descent (ISTA).
 */
@FunctionalInterface
public interface Proximal {
    /**
     * The parameter after the proximal step; must not modify {@code param}.
     *
     * @param param the parameter just updated by the optimizer, any shape
     * @param lr    the group's learning rate, which scales the regularizer's strength
     * @return a tensor of {@code param}'s shape and dtype
     */
    Tensor apply(Tensor param, double lr);

    /**
     * The proximal operator of {@code lambda * sum|w|}: soft-thresholding by {@code lr * lambda},
     * {@code w <- sign(w) * max(|w| - lr * lambda, 0)}.
     *
     * @throws IllegalArgumentException if {@code lambda} is negative or NaN
     */
    static Proximal l1(double lambda) {
        Hyperparameters.requireNonNegative("Proximal.l1", "lambda", lambda);
        return new ElasticNetProximal(lambda, 0);
    }

    /**
     * The proximal operator of the elastic net {@code l1 * sum|w| + l2 / 2 * sum w^2}:
     * {@code w <- sign(w) * max(|w| - lr * l1, 0) / (1 + lr * l2)}.
     *
     * @throws IllegalArgumentException if a strength is negative or NaN
     */
    static Proximal elasticNet(double l1, double l2) {
        Hyperparameters.requireNonNegative("Proximal.elasticNet", "l1", l1);
        Hyperparameters.requireNonNegative("Proximal.elasticNet", "l2", l2);
        return new ElasticNetProximal(l1, l2);
    }
}
