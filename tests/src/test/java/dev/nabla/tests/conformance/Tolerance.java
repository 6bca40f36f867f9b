package dev.nabla.tests.conformance;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.UnaryOp;

/**
 * How far a backend may be from the reference: {@code |got - want| <= abs + rel * |want|}.
 * Arithmetic that IEEE 754 rounds correctly must match exactly; transcendental functions get a
 * few ulps; sums and products get the rounding error their accumulation order allows.
 */
record Tolerance(double abs, double rel) {
    static final Tolerance EXACT = new Tolerance(0, 0);

    private static double ulp(DType dtype) {
        return dtype == DType.F32 ? 0x1p-23 : 0x1p-52;
    }

    /**
     * A few ulps, and below the smallest normal number an absolute floor: there a few ulps are
     * worth nothing relative to the value, and a library's subnormal results may differ.
     */
    private static Tolerance transcendental(DType dtype) {
        return new Tolerance(dtype == DType.F32 ? 1e-37 : 1e-300, 4 * ulp(dtype));
    }

    static Tolerance unary(UnaryOp op, DType dtype) {
        return switch (op) {
            case NEG, ABS, SIGN, SQRT, RELU -> EXACT;
            case EXP, LOG, TANH, SIGMOID, ERF -> transcendental(dtype);
        };
    }

    static Tolerance binary(BinaryOp op, DType dtype) {
        return op == BinaryOp.POW ? transcendental(dtype) : EXACT;
    }

    /** For a sum whose terms add up to {@code scale} in absolute value. */
    static Tolerance sum(DType dtype, double scale) {
        return new Tolerance(8 * ulp(dtype) * scale, 0);
    }

    /**
     * Log-softmax along an axis of {@code c} elements: the sum of {@code c} exponentials (each at
     * most 1) in any order, and a few ulps for exp, log and the final subtraction.
     */
    static Tolerance softmax(DType dtype, int c) {
        return new Tolerance(8 * ulp(dtype) * (c + 8), 4 * ulp(dtype));
    }

    /**
     * Its gradient, {@code grad - exp(out) * sum(grad)}, with gradients of about 3 in magnitude:
     * the sum's rounding for terms adding up to about {@code 4 c}.
     */
    static Tolerance softmaxGradient(DType dtype, int c) {
        return new Tolerance(sum(dtype, 4.0 * c + 4).abs(), 4 * ulp(dtype));
    }

    static Tolerance matmul(DType dtype, int k) {
        return new Tolerance(9.0 * 9.0 * 4 * ulp(dtype) * Math.max(1, k), 0);
    }
}
