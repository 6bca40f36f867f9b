package dev.nabla.simd;

import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * F32 kernels over contiguous runs. An operand marked scalar repeats its first element. Each op
 * has its own loop because the Vector API compiles to SIMD instructions only when the operator is
 * a constant at the call site: one loop over a variable operator runs about 20x slower.
 * {@link DoubleKernels} mirrors this class for F64 (the Vector API has no generics over the lane
 * type).
 */
final class FloatKernels {
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    private static final int L = S.length();

    private FloatKernels() {
    }

    /**
     * The array to load an operand's lane groups from: the operand itself, or for a repeated
     * value one vector's worth of copies (made only when the run fills a vector), read at
     * {@link #at}. Every load is then a plain {@code fromArray}: choosing between a broadcast
     * vector and a loaded one inside the loop made C2 (JDK 17) allocate a vector object per load.
     */
    private static float[] lanes(float[] x, int off, boolean scalar, int n) {
        if (!scalar || n < L) {
            return x;
        }
        float[] copies = new float[L];
        Arrays.fill(copies, x[off]);
        return copies;
    }

    /** The index of element {@code i} of an operand in the array {@link #lanes} gave. */
    private static int at(boolean scalar, int off, int i) {
        return scalar ? 0 : off + i;
    }

    private static FloatVector load(float[] lanes, boolean scalar, int off, int i) {
        return FloatVector.fromArray(S, lanes, at(scalar, off, i));
    }

    /** {@code o[oo..oo+n) = op(x[xo..xo+n))}. */
    static void unary(UnaryOp op, float[] x, int xo, float[] o, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case NEG -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xo + i).neg().intoArray(o, oo + i);
                }
            }
            case ABS -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xo + i).abs().intoArray(o, oo + i);
                }
            }
            case SQRT -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xo + i).sqrt().intoArray(o, oo + i);
                }
            }
            case SIGN -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                FloatVector zero = FloatVector.zero(S);
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xo + i);
                    FloatVector s = zero.blend(one, v.compare(VectorOperators.GT, 0f))
                            .blend(one.neg(), v.compare(VectorOperators.LT, 0f));
                    s.blend(v, v.test(VectorOperators.IS_NAN)).intoArray(o, oo + i);
                }
            }
            case RELU -> {
                FloatVector zero = FloatVector.zero(S);
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xo + i);
                    // zero only where x < 0, so NaN and -0.0 keep x
                    v.blend(zero, v.compare(VectorOperators.LT, 0f)).intoArray(o, oo + i);
                }
            }
            case EXP, LOG, TANH, SIGMOID, ERF -> {
                VectorMath.floatTranscendental(op, x, xo, o, oo, n);
                return;
            }
        }
        for (; i < n; i++) {
            o[oo + i] = (float) ScalarMath.unary(op, x[xo + i]);
        }
    }

    /**
     * {@code o[oo..oo+n) = a + alpha * b} with one rounding (a fused multiply-add); a scalar
     * operand repeats {@code a[ao]} or {@code b[bo]}.
     */
    static void addScaled(float[] a, int ao, boolean aScalar, float[] b, int bo, boolean bScalar, float alpha,
                          float[] o, int oo, int n) {
        float[] la = lanes(a, ao, aScalar, n);
        float[] lb = lanes(b, bo, bScalar, n);
        FloatVector scale = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(lb, bScalar, bo, i).fma(scale, load(la, aScalar, ao, i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[aScalar ? ao : ao + i];
            float y = b[bScalar ? bo : bo + i];
            o[oo + i] = Math.fma(y, alpha, x);
        }
    }

    /** {@code o[oo..oo+n) = op(a, b)}; a scalar operand repeats {@code a[ao]} or {@code b[bo]}. */
    static void binary(BinaryOp op, float[] a, int ao, boolean aScalar, float[] b, int bo, boolean bScalar,
                       float[] o, int oo, int n) {
        float[] la = lanes(a, ao, aScalar, n);
        float[] lb = lanes(b, bo, bScalar, n);
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).add(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).sub(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).mul(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).div(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).max(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += L) {
                    load(la, aScalar, ao, i).min(load(lb, bScalar, bo, i)).intoArray(o, oo + i);
                }
            }
            case POW -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) {
                    FloatVector x = load(la, aScalar, ao, i);
                    FloatVector y = load(lb, bScalar, bo, i);
                    // ScalarMath.pow's cases where Java's pow, which the lanes may follow, gives NaN
                    VectorMask<Float> unit = x.abs().compare(VectorOperators.EQ, 1f)
                            .and(x.compare(VectorOperators.EQ, 1f).or(y.test(VectorOperators.IS_INFINITE)));
                    x.lanewise(VectorOperators.POW, y).blend(one, unit).intoArray(o, oo + i);
                }
            }
            case EQ, NE, LT, LE, GT, GE -> i = compare(op, la, aScalar, ao, lb, bScalar, bo, o, oo, bound);
        }
        for (; i < n; i++) {
            float x = a[aScalar ? ao : ao + i];
            float y = b[bScalar ? bo : bo + i];
            o[oo + i] = (float) ScalarMath.binary(op, x, y);
        }
    }

    /**
     * A comparison, 1 where it holds and 0 where not. One loop per operator: a comparison whose
     * operator is not a compile-time constant runs in the Vector API's Java fallback, allocating
     * masks, and C2 did not inline one shared loop into each case of {@link #binary}.
     */
    private static int compare(BinaryOp op, float[] la, boolean aScalar, int ao, float[] lb, boolean bScalar, int bo,
                               float[] o, int oo, int bound) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        switch (op) {
            case EQ -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.EQ, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            case NE -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.NE, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            case LT -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.LT, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            case LE -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.LE, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            case GT -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.GT, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            case GE -> {
                for (; i < bound; i += L) {
                    zero.blend(one, load(la, aScalar, ao, i).compare(VectorOperators.GE, load(lb, bScalar, bo, i)))
                            .intoArray(o, oo + i);
                }
            }
            default -> throw new IllegalStateException("not a comparison: " + op);
        }
        return i;
    }

    /** {@code o = c != 0 ? a : b} (NaN counts as non-zero); scalar operands repeat. */
    static void where(float[] c, int co, boolean cScalar, float[] a, int ao, boolean aScalar, float[] b, int bo,
                      boolean bScalar, float[] o, int oo, int n) {
        float[] lc = lanes(c, co, cScalar, n);
        float[] la = lanes(a, ao, aScalar, n);
        float[] lb = lanes(b, bo, bScalar, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Float> take = load(lc, cScalar, co, i).compare(VectorOperators.NE, 0f);
            load(lb, bScalar, bo, i).blend(load(la, aScalar, ao, i), take).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = c[cScalar ? co : co + i] != 0 ? a[aScalar ? ao : ao + i] : b[bScalar ? bo : bo + i];
        }
    }

    /** {@code op} over {@code x[xo..xo+n)}, with vector-lane partial results (n >= 1 for MAX/MIN). */
    static float reduce(ReduceOp op, float[] x, int xo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        float r;
        switch (op) {
            case SUM -> {
                FloatVector acc0 = FloatVector.zero(S);
                FloatVector acc1 = FloatVector.zero(S);
                for (int bound2 = n - 2 * L + 1; i < bound2; i += 2 * L) {
                    acc0 = acc0.add(FloatVector.fromArray(S, x, xo + i));
                    acc1 = acc1.add(FloatVector.fromArray(S, x, xo + i + L));
                }
                for (; i < bound; i += L) {
                    acc0 = acc0.add(FloatVector.fromArray(S, x, xo + i));
                }
                r = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
            }
            case MAX -> {
                FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
                for (; i < bound; i += L) {
                    acc = acc.max(FloatVector.fromArray(S, x, xo + i));
                }
                r = acc.reduceLanes(VectorOperators.MAX);
            }
            case MIN -> {
                FloatVector acc = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
                for (; i < bound; i += L) {
                    acc = acc.min(FloatVector.fromArray(S, x, xo + i));
                }
                r = acc.reduceLanes(VectorOperators.MIN);
            }
            default -> throw new IllegalStateException("unknown reduction " + op);
        }
        for (; i < n; i++) {
            r = (float) ScalarMath.reduce(op, r, x[xo + i]);
        }
        return r;
    }

    /** {@code acc[i] = op(acc[i], x[xo + i])} for {@code i < n}. */
    static void accumulate(ReduceOp op, float[] x, int xo, float[] acc, int ao, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case SUM -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, acc, ao + i).add(FloatVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, acc, ao + i).max(FloatVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, acc, ao + i).min(FloatVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            default -> throw new IllegalStateException("unknown reduction " + op);
        }
        for (; i < n; i++) {
            acc[ao + i] = (float) ScalarMath.reduce(op, acc[ao + i], x[xo + i]);
        }
    }
}
