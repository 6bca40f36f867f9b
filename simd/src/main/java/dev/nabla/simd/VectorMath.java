package dev.nabla.simd;

import dev.nabla.simd.math.DoubleMath;
import dev.nabla.simd.math.FloatMath;
import dev.nabla.tensor.spi.UnaryOp;

/**
 * Routes the transcendental unary ops to the polynomial kernels of {@code dev.nabla.simd.math},
 * which run with {@link SimdConfig#FLOAT} and {@link SimdConfig#DOUBLE} like every kernel here.
 */
final class VectorMath {
    private VectorMath() {
    }

    static void floatTranscendental(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        switch (op) {
            case EXP -> FloatMath.exp(x, xo, o, oo, n);
            case LOG -> FloatMath.log(x, xo, o, oo, n);
            case TANH -> FloatMath.tanh(x, xo, o, oo, n);
            case SIGMOID -> FloatMath.sigmoid(x, xo, o, oo, n);
            case ERF -> FloatMath.erf(x, xo, o, oo, n);
            default -> throw new IllegalArgumentException("not a transcendental op: " + op);
        }
    }

    static void doubleTranscendental(UnaryOp op, double[] x, int xo, double[] o, int oo, int n) {
        switch (op) {
            case EXP -> DoubleMath.exp(x, xo, o, oo, n);
            case LOG -> DoubleMath.log(x, xo, o, oo, n);
            case TANH -> DoubleMath.tanh(x, xo, o, oo, n);
            case SIGMOID -> DoubleMath.sigmoid(x, xo, o, oo, n);
            case ERF -> DoubleMath.erf(x, xo, o, oo, n);
            default -> throw new IllegalArgumentException("not a transcendental op: " + op);
        }
    }
}
