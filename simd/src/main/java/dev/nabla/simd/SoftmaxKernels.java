package dev.nabla.simd;

import dev.nabla.simd.math.FloatMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Log-softmax and its gradient over contiguous float rows of {@code c} elements, for a block of
 * rows at a time: the per-row maxima, sums and shifts in one pass each, the exponentials of the
 * whole block in one vector pass ({@link FloatMath#exp}, so that rows shorter than a vector, as
 * ten classes are, still run in vector lanes). The formulas are those of
 * {@link dev.nabla.tensor.spi.SoftmaxDefaults}, with the same exponential and logarithm; only the
 * order in which a row's sum is accumulated differs.
 */
final class SoftmaxKernels {
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    private static final int L = S.length();

    private SoftmaxKernels() {
    }

    /**
     * {@code out = (x - m) - log(sum(exp(x - m)))} per row, for {@code rows} rows of {@code c}
     * elements starting at {@code xo} and {@code oo}.
     */
    static void logSoftmax(float[] x, int xo, float[] out, int oo, int rows, int c) {
        float[] perRow = new float[rows];
        for (int r = 0; r < rows; r++) {
            subtract(x, xo + r * c, max(x, xo + r * c, c), out, oo + r * c, c);
        }
        float[] exp = new float[rows * c];
        FloatMath.exp(out, oo, exp, 0, rows * c);
        for (int r = 0; r < rows; r++) {
            perRow[r] = sum(exp, r * c, c);
        }
        FloatMath.log(perRow, 0, perRow, 0, rows);
        for (int r = 0; r < rows; r++) {
            subtract(out, oo + r * c, perRow[r], out, oo + r * c, c);
        }
    }

    /** {@code gradIn = grad - exp(out) * sum(grad)} per row, rows as {@link #logSoftmax}. */
    static void logSoftmaxBackward(float[] grad, int go, float[] out, int oo, float[] gradIn, int io, int rows, int c) {
        float[] exp = new float[rows * c];
        FloatMath.exp(out, oo, exp, 0, rows * c);
        for (int r = 0; r < rows; r++) {
            float s = sum(grad, go + r * c, c);
            int g = go + r * c;
            int e = r * c;
            int o = io + r * c;
            int j = 0;
            if (c >= L) {
                FloatVector vs = FloatVector.broadcast(S, s);
                for (int bound = S.loopBound(c); j < bound; j += L) {
                    FloatVector.fromArray(S, grad, g + j)
                            .sub(FloatVector.fromArray(S, exp, e + j).mul(vs))
                            .intoArray(gradIn, o + j);
                }
            }
            for (; j < c; j++) {
                gradIn[o + j] = grad[g + j] - exp[e + j] * s;
            }
        }
    }

    /** The largest of {@code n} elements from {@code off}; NaN if any is. */
    private static float max(float[] a, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (n >= L) {
            FloatVector v = FloatVector.fromArray(S, a, off);
            for (i = L; i + L <= n; i += L) {
                v = v.max(FloatVector.fromArray(S, a, off + i));
            }
            m = v.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    /** The sum of {@code n} elements from {@code off}: by lanes, then the lanes and the tail in order. */
    private static float sum(float[] a, int off, int n) {
        float s = 0;
        int i = 0;
        if (n >= L) {
            FloatVector v = FloatVector.fromArray(S, a, off);
            for (i = L; i + L <= n; i += L) {
                v = v.add(FloatVector.fromArray(S, a, off + i));
            }
            s = v.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    /** {@code o[oo + i] = a[ao + i] - s} for {@code i < n}. */
    private static void subtract(float[] a, int ao, float s, float[] o, int oo, int n) {
        int i = 0;
        if (n >= L) {
            FloatVector vs = FloatVector.broadcast(S, s);
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i).sub(vs).intoArray(o, oo + i);
            }
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i] - s;
        }
    }
}
