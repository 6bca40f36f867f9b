package dev.nabla.tensor.spi;

/** Reductions over axes, computed by {@link Backend#reduce}. MAX and MIN propagate NaN. */
public enum ReduceOp {
    SUM, MAX, MIN
}
