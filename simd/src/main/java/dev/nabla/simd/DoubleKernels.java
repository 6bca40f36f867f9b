package dev.nabla.simd;

import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Arrays;
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

    /**
     * The array to load an operand's lane groups from: the operand itself, or for a repeated
     * value one vector's worth of copies (made only when the run fills a vector), read at
     * {@link #at}. Every load is then a plain {@code fromArray}: choosing between a broadcast
     * vector and a loaded one inside the loop made C2 (JDK 17) allocate a vector object per load.
     */
    private static double[] lanes(double[] x, int off, boolean scalar, int n) {
        if (!scalar || n < L) {
            return x;
        }
        double[] copies = new double[L];
        Arrays.fill(copies, x[off]);
        return copies;
    }

    /** The index of element {@code i} of an operand in the array {@link #lanes} gave. */
    private static int at(boolean scalar, int off, int i) {
        return scalar ? 0 : off + i;
    }

    private static DoubleVector load(double[] lanes, boolean scalar, int off, int i) {
        return DoubleVector.fromArray(S, lanes, at(scalar, off, i));
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
            case RELU -> {
                DoubleVector zero = DoubleVector.zero(S);
                for (; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
                    // zero only where x < 0, so NaN and -0.0 keep x
                    v.blend(zero, v.compare(VectorOperators.LT, 0.0)).intoArray(o, oo + i);
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

    /**
     * {@code o[oo..oo+n) = a + alpha * b} with one rounding (a fused multiply-add); a scalar
     * operand repeats {@code a[ao]} or {@code b[bo]}.
     */
    static void addScaled(double[] a, int ao, boolean aScalar, double[] b, int bo, boolean bScalar, double alpha,
                          double[] o, int oo, int n) {
        double[] la = lanes(a, ao, aScalar, n);
        double[] lb = lanes(b, bo, bScalar, n);
        DoubleVector scale = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(lb, bScalar, bo, i).fma(scale, load(la, aScalar, ao, i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            double x = a[aScalar ? ao : ao + i];
            double y = b[bScalar ? bo : bo + i];
            o[oo + i] = Math.fma(y, alpha, x);
        }
    }

    /** {@code o[oo..oo+n) = op(a, b)}; a scalar operand repeats {@code a[ao]} or {@code b[bo]}. */
    static void binary(BinaryOp op, double[] a, int ao, boolean aScalar, double[] b, int bo, boolean bScalar,
                       double[] o, int oo, int n) {
        double[] la = lanes(a, ao, aScalar, n);
        double[] lb = lanes(b, bo, bScalar, n);
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
                DoubleVector one = DoubleVector.broadcast(S, 1.0);
                for (; i < bound; i += L) {
                    DoubleVector x = load(la, aScalar, ao, i);
                    DoubleVector y = load(lb, bScalar, bo, i);
                    // ScalarMath.pow's cases where Java's pow, which the lanes may follow, gives NaN
                    VectorMask<Double> unit = x.abs().compare(VectorOperators.EQ, 1.0)
                            .and(x.compare(VectorOperators.EQ, 1.0).or(y.test(VectorOperators.IS_INFINITE)));
                    x.lanewise(VectorOperators.POW, y).blend(one, unit).intoArray(o, oo + i);
                }
            }
            case EQ, NE, LT, LE, GT, GE -> i = compare(op, la, aScalar, ao, lb, bScalar, bo, o, oo, bound);
        }
        for (; i < n; i++) {
            double x = a[aScalar ? ao : ao + i];
            double y = b[bScalar ? bo : bo + i];
            o[oo + i] = ScalarMath.binary(op, x, y);
        }
    }

    /**
     * A comparison, 1 where it holds and 0 where not. One loop per operator: a comparison whose
     * operator is not a compile-time constant runs in the Vector API's Java fallback, allocating
     * masks, and C2 did not inline one shared loop into each case of {@link #binary}.
     */
    private static int compare(BinaryOp op, double[] la, boolean aScalar, int ao, double[] lb, boolean bScalar, int bo,
                               double[] o, int oo, int bound) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
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
    static void where(double[] c, int co, boolean cScalar, double[] a, int ao, boolean aScalar, double[] b, int bo,
                      boolean bScalar, double[] o, int oo, int n) {
        double[] lc = lanes(c, co, cScalar, n);
        double[] la = lanes(a, ao, aScalar, n);
        double[] lb = lanes(b, bo, bScalar, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Double> take = load(lc, cScalar, co, i).compare(VectorOperators.NE, 0.0);
            load(lb, bScalar, bo, i).blend(load(la, aScalar, ao, i), take).intoArray(o, oo + i);
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
