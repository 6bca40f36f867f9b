package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;

/** The proximal operator of {@code l1 * sum|w| + l2 / 2 * sum w^2}; see {@link Proximal#elasticNet}. */
record ElasticNetProximal(double l1, double l2) implements Proximal {
    @Override
    public Tensor apply(Tensor param, double lr) {
        Tensor shrunk = Regularization.softThreshold(param, lr * l1);
        return l2 == 0 ? shrunk : shrunk.div(1 + lr * l2);
    }

    @Override
    public String toString() {
        return l2 == 0 ? "Proximal.l1(" + l1 + ")" : "Proximal.elasticNet(" + l1 + ", " + l2 + ")";
    }
}
