package dev.nabla.tensor.spi;

/**
 * Index-of-extreme reductions along one axis, computed by {@link Backend#argReduce}. Ties give
 * the first index; a NaN counts as the extreme (its first index is returned), as in PyTorch.
 */
public enum ArgReduceOp {
    ARGMAX, ARGMIN
}
