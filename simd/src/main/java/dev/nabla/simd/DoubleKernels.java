package dev.nabla.simd;

import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * F64 kernels over contiguous runs: a line-for-line mirror of {@link FloatKernels} (see there),
 * kept as its own class because the Vector API has no generics over the lane type.
 */
final class DoubleKernels {
    private static final VectorSpecies<Double> S = SimdConfig.DOUBLE;
    private static final int L = S.length();

    private DoubleKernels() {
    }

    private static DoubleVector load(double[] x, int off, DoubleVector scalar) {
        return scalar != null ? scalar : DoubleVector.fromArray(S, x, off);
    }

    /** The repeated value as a vector, or null; none is made when the run is shorter than a vector. */
    private static DoubleVector scalarOrNull(double[] x, int off, boolean scalar, int n) {
        return scalar && n >= L ? DoubleVector.broadcast(S, x[off]) : null;
    }

    /** {@code o[oo..oo+n) = op(x[xo..xo+n))}. */
    static void unary(UnaryOp op, double[] x, int xo, double[] o, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case NEG -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, x, xo + i).neg().intoArray(o, oo + i);
                }
            }
            case ABS -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, x, xo + i).abs().intoArray(o, oo + i);
                }
            }
            case SQRT -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, x, xo + i).sqrt().intoArray(o, oo + i);
                }
            }
            case SIGN -> {
                DoubleVector one = DoubleVector.broadcast(S, 1.0);
                DoubleVector zero = DoubleVector.zero(S);
                for (; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
                    DoubleVector s = zero.blend(one, v.compare(VectorOperators.GT, 0.0))
                            .blend(one.neg(), v.compare(VectorOperators.LT, 0.0));
                    s.blend(v, v.test(VectorOperators.IS_NAN)).intoArray(o, oo + i);
                }
            }
            case EXP, LOG, TANH, SIGMOID, ERF -> {
                VectorMath.doubleTranscendental(op, x, xo, o, oo, n);
                return;
            }
        }
        for (; i < n; i++) {
            o[oo + i] = ScalarMath.unary(op, x[xo + i]);
        }
    }

    /** {@code o[oo..oo+n) = op(a, b)}; a scalar operand repeats {@code a[ao]} or {@code b[bo]}. */
    static void binary(BinaryOp op, double[] a, int ao, boolean aScalar, double[] b, int bo, boolean bScalar,
                       double[] o, int oo, int n) {
        DoubleVector sa = scalarOrNull(a, ao, aScalar, n);
        DoubleVector sb = scalarOrNull(b, bo, bScalar, n);
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
            double x = a[aScalar ? ao : ao + i];
            double y = b[bScalar ? bo : bo + i];
            o[oo + i] = ScalarMath.binary(op, x, y);
        }
    }

    /** Small enough to be inlined at each call, where {@code cmp} is a constant. */
    private static int compare(VectorOperators.Comparison cmp, double[] a, int ao, DoubleVector sa, double[] b, int bo,
                               DoubleVector sb, double[] o, int oo, int bound) {
        if (bound == 0) {
            return 0;
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            VectorMask<Double> m = load(a, ao + i, sa).compare(cmp, load(b, bo + i, sb));
            zero.blend(one, m).intoArray(o, oo + i);
        }
        return i;
    }

    /** {@code o = c != 0 ? a : b} (NaN counts as non-zero); scalar operands repeat. */
    static void where(double[] c, int co, boolean cScalar, double[] a, int ao, boolean aScalar, double[] b, int bo,
                      boolean bScalar, double[] o, int oo, int n) {
        DoubleVector sc = scalarOrNull(c, co, cScalar, n);
        DoubleVector sa = scalarOrNull(a, ao, aScalar, n);
        DoubleVector sb = scalarOrNull(b, bo, bScalar, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Double> take = load(c, co + i, sc).compare(VectorOperators.NE, 0.0);
            load(b, bo + i, sb).blend(load(a, ao + i, sa), take).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = c[cScalar ? co : co + i] != 0 ? a[aScalar ? ao : ao + i] : b[bScalar ? bo : bo + i];
        }
    }

    /** {@code op} over {@code x[xo..xo+n)}, with vector-lane partial results (n >= 1 for MAX/MIN). */
    static double reduce(ReduceOp op, double[] x, int xo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        double r;
        switch (op) {
            case SUM -> {
                DoubleVector acc0 = DoubleVector.zero(S);
                DoubleVector acc1 = DoubleVector.zero(S);
                for (int bound2 = n - 2 * L + 1; i < bound2; i += 2 * L) {
                    acc0 = acc0.add(DoubleVector.fromArray(S, x, xo + i));
                    acc1 = acc1.add(DoubleVector.fromArray(S, x, xo + i + L));
                }
                for (; i < bound; i += L) {
                    acc0 = acc0.add(DoubleVector.fromArray(S, x, xo + i));
                }
                r = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
            }
            case MAX -> {
                DoubleVector acc = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
                for (; i < bound; i += L) {
                    acc = acc.max(DoubleVector.fromArray(S, x, xo + i));
                }
                r = acc.reduceLanes(VectorOperators.MAX);
            }
            case MIN -> {
                DoubleVector acc = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
                for (; i < bound; i += L) {
                    acc = acc.min(DoubleVector.fromArray(S, x, xo + i));
                }
                r = acc.reduceLanes(VectorOperators.MIN);
            }
            default -> throw new IllegalStateException("unknown reduction " + op);
        }
        for (; i < n; i++) {
            r = ScalarMath.reduce(op, r, x[xo + i]);
        }
        return r;
    }

    /** {@code acc[i] = op(acc[i], x[xo + i])} for {@code i < n}. */
    static void accumulate(ReduceOp op, double[] x, int xo, double[] acc, int ao, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case SUM -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, acc, ao + i).add(DoubleVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, acc, ao + i).max(DoubleVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += L) {
                    DoubleVector.fromArray(S, acc, ao + i).min(DoubleVector.fromArray(S, x, xo + i)).intoArray(acc, ao + i);
                }
            }
            default -> throw new IllegalStateException("unknown reduction " + op);
        }
        for (; i < n; i++) {
            acc[ao + i] = ScalarMath.reduce(op, acc[ao + i], x[xo + i]);
        }
    }
}
