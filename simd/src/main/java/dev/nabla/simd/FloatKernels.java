package dev.nabla.simd;

import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
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

    private static FloatVector load(float[] x, int off, FloatVector scalar) {
        return scalar != null ? scalar : FloatVector.fromArray(S, x, off);
    }

    /** The repeated value as a vector, or null; none is made when the run is shorter than a vector. */
    private static FloatVector scalarOrNull(float[] x, int off, boolean scalar, int n) {
        return scalar && n >= L ? FloatVector.broadcast(S, x[off]) : null;
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
            case EXP, LOG, TANH, SIGMOID, ERF -> {
                VectorMath.floatTranscendental(op, x, xo, o, oo, n);
                return;
            }
        }
        for (; i < n; i++) {
            o[oo + i] = (float) ScalarMath.unary(op, x[xo + i]);
        }
    }

    /** {@code o[oo..oo+n) = op(a, b)}; a scalar operand repeats {@code a[ao]} or {@code b[bo]}. */
    static void binary(BinaryOp op, float[] a, int ao, boolean aScalar, float[] b, int bo, boolean bScalar,
                       float[] o, int oo, int n) {
        FloatVector sa = scalarOrNull(a, ao, aScalar, n);
        FloatVector sb = scalarOrNull(b, bo, bScalar, n);
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case ADD -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).add(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case SUB -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).sub(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case MUL -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).mul(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case DIV -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).div(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).max(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).min(load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case POW -> {
                for (; i < bound; i += L) {
                    load(a, ao + i, sa).lanewise(VectorOperators.POW, load(b, bo + i, sb)).intoArray(o, oo + i);
                }
            }
            case EQ -> i = compare(VectorOperators.EQ, a, ao, sa, b, bo, sb, o, oo, bound);
            case NE -> i = compare(VectorOperators.NE, a, ao, sa, b, bo, sb, o, oo, bound);
            case LT -> i = compare(VectorOperators.LT, a, ao, sa, b, bo, sb, o, oo, bound);
            case LE -> i = compare(VectorOperators.LE, a, ao, sa, b, bo, sb, o, oo, bound);
            case GT -> i = compare(VectorOperators.GT, a, ao, sa, b, bo, sb, o, oo, bound);
            case GE -> i = compare(VectorOperators.GE, a, ao, sa, b, bo, sb, o, oo, bound);
        }
        for (; i < n; i++) {
            float x = a[aScalar ? ao : ao + i];
            float y = b[bScalar ? bo : bo + i];
            o[oo + i] = (float) ScalarMath.binary(op, x, y);
        }
    }

    /** Small enough to be inlined at each call, where {@code cmp} is a constant. */
    private static int compare(VectorOperators.Comparison cmp, float[] a, int ao, FloatVector sa, float[] b, int bo,
                               FloatVector sb, float[] o, int oo, int bound) {
        if (bound == 0) {
            return 0;
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            VectorMask<Float> m = load(a, ao + i, sa).compare(cmp, load(b, bo + i, sb));
            zero.blend(one, m).intoArray(o, oo + i);
        }
        return i;
    }

    /** {@code o = c != 0 ? a : b} (NaN counts as non-zero); scalar operands repeat. */
    static void where(float[] c, int co, boolean cScalar, float[] a, int ao, boolean aScalar, float[] b, int bo,
                      boolean bScalar, float[] o, int oo, int n) {
        FloatVector sc = scalarOrNull(c, co, cScalar, n);
        FloatVector sa = scalarOrNull(a, ao, aScalar, n);
        FloatVector sb = scalarOrNull(b, bo, bScalar, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Float> take = load(c, co + i, sc).compare(VectorOperators.NE, 0f);
            load(b, bo + i, sb).blend(load(a, ao + i, sa), take).intoArray(o, oo + i);
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
