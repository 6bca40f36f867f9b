package dev.nabla.tensor.spi;

/**
 * Elementwise functions of two operands, computed by {@link Backend#binary}. Comparisons write
 * 1 where true and 0 where false, in the operands' dtype. MAX and MIN propagate NaN. POW has C's
 * special cases, as PyTorch: {@code 1^y = 1} for every y, NaN included, and {@code (-1)^(+-inf) = 1}.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAX, MIN,
    EQ, NE, LT, LE, GT, GE;

    /** True for the comparisons, whose results are 0/1 masks. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
