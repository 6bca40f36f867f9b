package dev.nabla.tensor.spi;

/** Elementwise functions of one operand, computed by {@link Backend#unary}. */
public enum UnaryOp {
    NEG, ABS,
    /** -1, 0 or 1; NaN stays NaN. */
    SIGN,
    EXP, LOG, SQRT, TANH,
    /** 1 / (1 + exp(-x)). */
    SIGMOID,
    /** The error function, 2/sqrt(pi) times the integral of exp(-t^2) from 0 to x. */
    ERF,
    /** {@code x < 0 ? 0 : x}: NaN stays NaN and -0.0 stays -0.0, as in PyTorch. */
    RELU
}
