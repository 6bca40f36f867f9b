package dev.nabla.tensor.reference;

import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;

/**
 * The scalar definition of every elementwise op and reduction, in double precision: the oracle
 * the reference backend loops over, and what vector kernels use for their last few elements.
 */
public final class ScalarMath {
    private ScalarMath() {
    }

    public static double unary(UnaryOp op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Double.isNaN(x) ? x : Math.signum(x) + 0.0;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            case ERF -> Erf.erf(x);
            case RELU -> x < 0 ? 0.0 : x;
        };
    }

    public static double binary(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> pow(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
        };
    }

    /**
     * C's and PyTorch's {@code pow}: Java's {@link Math#pow} but for two cases where Java gives NaN,
     * {@code 1^y = 1} for every y, NaN included, and {@code (-1)^(+-inf) = 1}.
     */
    public static double pow(double a, double b) {
        return a == 1 || (a == -1 && Double.isInfinite(b)) ? 1 : Math.pow(a, b);
    }

    public static double identity(ReduceOp op) {
        return switch (op) {
            case SUM -> 0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
    }

    public static double reduce(ReduceOp op, double acc, double x) {
        return switch (op) {
            case SUM -> acc + x;
            case MAX -> Math.max(acc, x);
            case MIN -> Math.min(acc, x);
        };
    }
}
