package dev.nabla.simd.math;

import dev.nabla.simd.SimdConfig;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized {@code exp}, {@code log}, {@code tanh}, {@code sigmoid} and {@code erf} for {@code double} lanes:
 * the mirror of {@link FloatMath}, with polynomials of higher degree for 53-bit precision.
 *
 * <p>The Vector API has no generics over the element type ({@code FloatVector} and
 * {@code DoubleVector} share no typed arithmetic interface, and bit tricks need {@code IntVector}
 * versus {@code LongVector}), so this class repeats {@link FloatMath} step for step with double
 * constants; keep the two parallel when changing either.
 *
 * <p>The same guarantees hold: any species for the vector methods, {@link SimdConfig#DOUBLE} for
 * the array kernels; results that depend only on the input lane, hence identical across vector
 * widths, between the body and the masked tail of an array kernel, and across JDKs and CPUs (only
 * correctly rounded IEEE-754 lane operations).
 *
 * <p>Error bounds, asserted by {@code DoubleMathTest} against a 45-digit
 * {@link java.math.BigDecimal} reference over random bit patterns and grids (largest error
 * measured in brackets; see {@code docs/simd-math.md}):
 * <table>
 *   <caption>double error bounds</caption>
 *   <tr><th>function</th><th>bound (measured)</th><th>special values</th></tr>
 *   <tr><td>{@link #exp}</td><td>1 ulp (0.95)</td><td>exp(NaN)=NaN, exp(+inf)=+inf,
 *       exp(-inf)=+0, x &gt; 709.7827 gives +inf, results below {@code Double.MIN_NORMAL}
 *       (x &lt; -708.40) are subnormals rounded once, x &lt; -745.1332 gives +0</td></tr>
 *   <tr><td>{@link #log}</td><td>1 ulp (0.75)</td><td>log(±0)=-inf, log(x&lt;0)=NaN,
 *       log(-inf)=NaN, log(+inf)=+inf, log(NaN)=NaN, subnormal inputs to full accuracy</td></tr>
 *   <tr><td>{@link #tanh}</td><td>2 ulp (1.28)</td><td>tanh(±0)=±0, |x| &ge; 19.07 gives ±1,
 *       tanh(NaN)=NaN</td></tr>
 *   <tr><td>{@link #sigmoid}</td><td>2.5 ulp (1.86)</td><td>sigmoid(±0)=0.5 exactly,
 *       sigmoid(+inf)=1, sigmoid(-inf)=+0, subnormal results for x &lt; -708.40,
 *       sigmoid(NaN)=NaN</td></tr>
 *   <tr><td>{@link #erf}</td><td>1.5 ulp (1.09)</td><td>erf(±0)=±0, |x| &ge; 6 gives ±1,
 *       erf(±inf)=±1, erf(NaN)=NaN</td></tr>
 * </table>
 */
public final class DoubleMath {
    /** The species of the array kernels: fixed per JVM, so the JIT folds it in (see below). */
    private static final VectorSpecies<Double> S = SimdConfig.DOUBLE;

    private DoubleMath() {
    }

    // exp: x = k ln2 + r, |r| <= ln2/2; ln2 split so that k * LN2_HI is exact (Cody-Waite).
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Below this every result underflows to +0 (exp(-745.13) is half the smallest subnormal). */
    private static final double EXP_MIN = -746.0;
    /** Above this every result overflows to +inf; in [EXP_MIN, EXP_MAX], k is in [-1077, 1024]. */
    private static final double EXP_MAX = 710.0;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low mantissa bits. */
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    // (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2]: Taylor to r^13/13!, truncation below 2^-57.
    private static final double E0 = 1.0 / 6227020800.0;
    private static final double E1 = 1.0 / 479001600.0;
    private static final double E2 = 1.0 / 39916800.0;
    private static final double E3 = 1.0 / 3628800.0;
    private static final double E4 = 1.0 / 362880.0;
    private static final double E5 = 1.0 / 40320.0;
    private static final double E6 = 1.0 / 5040.0;
    private static final double E7 = 1.0 / 720.0;
    private static final double E8 = 1.0 / 120.0;
    private static final double E9 = 1.0 / 24.0;
    private static final double E10 = 1.0 / 6.0;
    private static final double E11 = 0.5;

    // log: x = 2^k m, m in [sqrt(1/2), sqrt(2)), f = m - 1, s = f / (2 + f) (fdlibm/musl log).
    private static final long SQRT_HALF_BITS = 0x3fe6a09e00000000L;
    private static final long ONE_BITS = 0x3ff0000000000000L;
    private static final double LOG_LN2_HI = 6.93147180369123816490e-01;
    private static final double LOG_LN2_LO = 1.90821492927058770002e-10;
    private static final double L1 = 6.666666666666735130e-01;
    private static final double L2 = 3.999999999940941908e-01;
    private static final double L3 = 2.857142874366239149e-01;
    private static final double L4 = 2.222219843214978396e-01;
    private static final double L5 = 1.818357216161805012e-01;
    private static final double L6 = 1.531383769920937332e-01;
    private static final double L7 = 1.479819860511658591e-01;
    /** Subnormal inputs are scaled by 2^54 so that their exponent field is exact. */
    private static final double SUBNORMAL_SCALE = 0x1p54;

    // tanh: x + x^3 P(x^2) / Q(x^2) below 0.625 (Cephes tanh), 1 - 2 / (e^2|x| + 1) above.
    private static final double TANH_SMALL = 0.625;
    private static final double P0 = -9.64399179425052238628e-1;
    private static final double P1 = -9.92877231001918586564e1;
    private static final double P2 = -1.61468768441708447952e3;
    private static final double Q0 = 1.12811678491632931402e2;
    private static final double Q1 = 2.23548839060100448583e3;
    private static final double Q2 = 4.84406305325125486048e3;

    // erf: |x| + |x| R(x^2) below 1; 1 - e^-x^2 P(|x|) / Q(|x|) up to 6.0, then 1. Fitted for
    // Nabla (tests/golden/fit_erf_coefficients.py); P and Q have positive coefficients and Q(0) = 1.
    private static final double ERF_SMALL = 1.0;
    private static final double ERF_SATURATION = 6.0;
    private static final double R0 = 2.8067128195611264e-13;
    private static final double R1 = -6.1967364287877e-12;
    private static final double R2 = 9.323723518153027e-11;
    private static final double R3 = -1.2277734486795524e-09;
    private static final double R4 = 1.4806027146128752e-08;
    private static final double R5 = -1.636576864883207e-07;
    private static final double R6 = 1.6462110782018636e-06;
    private static final double R7 = -1.4925650236967501e-05;
    private static final double R8 = 0.00012055332978879483;
    private static final double R9 = -0.0008548327023403001;
    private static final double R10 = 0.005223977625441674;
    private static final double R11 = -0.026866170645131218;
    private static final double R12 = 0.11283791670955126;
    private static final double R13 = -0.37612638903183754;
    private static final double R14 = 0.1283791670955126;
    private static final double N0 = 0.0010150678856774011;
    private static final double N1 = 0.013450883577661823;
    private static final double N2 = 0.08768763261259437;
    private static final double N3 = 0.3542119321228946;
    private static final double N4 = 0.9482467371565237;
    private static final double N5 = 1.6816648953269497;
    private static final double N6 = 1.846724977962102;
    private static final double N7 = 0.999999991898846;
    private static final double D0 = 0.0017991609993268244;
    private static final double D1 = 0.023841069374327464;
    private static final double D2 = 0.1563218927098342;
    private static final double D3 = 0.6397442769108695;
    private static final double D4 = 1.757542564870146;
    private static final double D5 = 3.282591024725016;
    private static final double D6 = 4.0387107947861915;
    private static final double D7 = 2.975104056916241;

    /**
     * Lane-wise e^x.
     *
     * @param x any species; not modified
     * @return e^x per lane, same species
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(LOG2E, SHIFTER); // one rounding: the nearest integer k, plus SHIFTER
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_HI), x);
        r = k.fma(k.broadcast(-LN2_LO), r);
        DoubleVector er = expOfReduced(r);
        // 2^k in two halves, so that both factors stay normal for k in [-1077, 1024]: the first
        // multiply is exact, the second rounds once, which makes subnormal results correctly
        // rounded from er and lets large k overflow to +inf by itself.
        LongVector ki = t.reinterpretAsLongs().sub(SHIFTER_BITS);
        LongVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = ki.sub(k1);
        DoubleVector y = er.mul(k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())
                .mul(k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
        // Out of range, k is garbage: patch those lanes. NaN compares false and stays NaN.
        y = y.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
        return y.blend(0.0, x.lt(EXP_MIN));
    }

    /**
     * Lane-wise natural logarithm.
     *
     * @param x any species; not modified
     * @return ln(x) per lane, same species
     */
    public static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.lt(Double.MIN_NORMAL); // also 0 and negatives, fixed below
        DoubleVector xs = x.blend(x.mul(SUBNORMAL_SCALE), subnormal);
        // Shift the exponent boundary to sqrt(1/2) so that m lands in [sqrt(1/2), sqrt(2)).
        LongVector ix = xs.reinterpretAsLongs().add(ONE_BITS - SQRT_HALF_BITS);
        LongVector ki = ix.lanewise(VectorOperators.ASHR, 52).sub(0x3ff);
        DoubleVector m = ix.and(0x000fffffffffffffL).add(SQRT_HALF_BITS).reinterpretAsDoubles();
        DoubleVector k = ki.add(SHIFTER_BITS).reinterpretAsDoubles().sub(SHIFTER); // exact for |k| < 2^51
        k = k.blend(k.sub(54.0), subnormal);

        DoubleVector y = logOfReduced(m, k);

        VectorMask<Double> passThrough = x.test(VectorOperators.IS_NAN).or(x.eq(Double.POSITIVE_INFINITY));
        y = y.blend(x, passThrough);
        y = y.blend(Double.NaN, x.lt(0.0));
        return y.blend(Double.NEGATIVE_INFINITY, x.eq(0.0));
    }

    /**
     * Lane-wise hyperbolic tangent.
     *
     * @param x any species; not modified
     * @return tanh(x) per lane, same species; the sign of zero is kept
     */
    public static DoubleVector tanh(DoubleVector x) {
        // Both branches work on |x|; the sign bit of x is put back at the end, so -0 stays -0.
        DoubleVector ax = x.abs();
        DoubleVector z = ax.mul(ax);
        DoubleVector p = z.fma(P0, P1).fma(z, z.broadcast(P2));
        DoubleVector q = z.add(Q0).fma(z, z.broadcast(Q1)).fma(z, z.broadcast(Q2));
        DoubleVector small = p.div(q).mul(z).fma(ax, ax); // |x| + |x|^3 P/Q: no cancellation near 0

        DoubleVector e = exp(ax.add(ax)); // +inf for |x| > 354.9, and then 1 - 2 / (inf + 1) = 1
        DoubleVector large = DoubleVector.broadcast(x.species(), 2.0).div(e.add(1.0)).neg().add(1.0);
        DoubleVector y = large.blend(small, ax.lt(TANH_SMALL));
        return y.reinterpretAsLongs().or(x.reinterpretAsLongs().and(0x8000000000000000L)).reinterpretAsDoubles();
    }

    /**
     * Lane-wise logistic sigmoid 1 / (1 + e^-x), computed as 1 / (1 + e^-|x|) for x &ge; 0 and
     * e^-|x| / (1 + e^-|x|) for x &lt; 0, so the exponential never overflows.
     *
     * @param x any species; not modified
     * @return sigmoid(x) per lane, same species
     */
    public static DoubleVector sigmoid(DoubleVector x) {
        DoubleVector e = exp(x.abs().neg());
        DoubleVector one = DoubleVector.broadcast(x.species(), 1.0);
        return one.blend(e, x.lt(0.0)).div(e.add(1.0));
    }

    /**
     * Lane-wise error function, erf(x) = 2/sqrt(pi) times the integral of e^-t^2 from 0 to x.
     *
     * @param x any species; not modified
     * @return erf(x) per lane, same species; odd, so the sign of zero is kept
     */
    public static DoubleVector erf(DoubleVector x) {
        DoubleVector ax = x.abs();
        DoubleVector small = ax.fma(erfSmallSeries(ax.mul(ax)), ax); // |x| exact, the series adds at most 13%
        DoubleVector y = erfcScaled(ax).mul(exp(ax.mul(ax).neg())).neg().add(1.0);
        y = y.blend(small, ax.lt(ERF_SMALL));
        y = y.blend(1.0, ax.compare(VectorOperators.GE, ERF_SATURATION)); // also inf; NaN stays NaN
        return y.reinterpretAsLongs().or(x.reinterpretAsLongs().and(0x8000000000000000L)).reinterpretAsDoubles();
    }

    // The helpers below keep each method under HotSpot's inlining limits: 325 bytes of bytecode
    // for a hot callee (FreqInlineSize) and 15 nested calls (MaxInlineLevel), of which the
    // Vector API itself uses about ten. A kernel that is not inlined passes boxed vectors and
    // runs tens of times slower.

    /** e^r for |r| &lt;= ln2/2: 1 + r + r^2 P(r). */
    private static DoubleVector expOfReduced(DoubleVector r) {
        DoubleVector p = r.fma(E0, E1);
        p = p.fma(r, r.broadcast(E2));
        p = p.fma(r, r.broadcast(E3));
        p = p.fma(r, r.broadcast(E4));
        p = p.fma(r, r.broadcast(E5));
        p = p.fma(r, r.broadcast(E6));
        p = p.fma(r, r.broadcast(E7));
        p = p.fma(r, r.broadcast(E8));
        p = p.fma(r, r.broadcast(E9));
        p = p.fma(r, r.broadcast(E10));
        p = p.fma(r, r.broadcast(E11));
        return p.fma(r.mul(r), r).add(1.0);
    }

    /** k ln2 + ln(m) for m in [sqrt(1/2), sqrt(2)): f = m - 1, s = f / (2 + f). */
    private static DoubleVector logOfReduced(DoubleVector m, DoubleVector k) {
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.fma(L6, L4).fma(w, w.broadcast(L2)));
        DoubleVector t2 = z.mul(w.fma(L7, L5).fma(w, w.broadcast(L3)).fma(w, w.broadcast(L1)));
        DoubleVector rr = t2.add(t1);
        DoubleVector hfsq = f.mul(f).mul(0.5);
        DoubleVector y = s.fma(hfsq.add(rr), k.mul(LOG_LN2_LO)).sub(hfsq).add(f);
        return k.fma(k.broadcast(LOG_LN2_HI), y);
    }

    /** R(z) = erf(x)/x - 1 with z = x^2, for |x| &lt; 1: degree 14. */
    private static DoubleVector erfSmallSeries(DoubleVector z) {
        DoubleVector p = z.fma(R0, R1);
        p = p.fma(z, z.broadcast(R2));
        p = p.fma(z, z.broadcast(R3));
        p = p.fma(z, z.broadcast(R4));
        p = p.fma(z, z.broadcast(R5));
        p = p.fma(z, z.broadcast(R6));
        p = p.fma(z, z.broadcast(R7));
        p = p.fma(z, z.broadcast(R8));
        p = p.fma(z, z.broadcast(R9));
        p = p.fma(z, z.broadcast(R10));
        p = p.fma(z, z.broadcast(R11));
        p = p.fma(z, z.broadcast(R12));
        p = p.fma(z, z.broadcast(R13));
        p = p.fma(z, z.broadcast(R14));
        return p;
    }

    /** e^x^2 erfc(x) for x in [1, saturation]: P(x) / Q(x). */
    private static DoubleVector erfcScaled(DoubleVector x) {
        DoubleVector p = x.fma(N0, N1);
        p = p.fma(x, x.broadcast(N2));
        p = p.fma(x, x.broadcast(N3));
        p = p.fma(x, x.broadcast(N4));
        p = p.fma(x, x.broadcast(N5));
        p = p.fma(x, x.broadcast(N6));
        p = p.fma(x, x.broadcast(N7));
        DoubleVector q = x.fma(D0, D1);
        q = q.fma(x, x.broadcast(D2));
        q = q.fma(x, x.broadcast(D3));
        q = q.fma(x, x.broadcast(D4));
        q = q.fma(x, x.broadcast(D5));
        q = q.fma(x, x.broadcast(D6));
        q = q.fma(x, x.broadcast(D7));
        return p.div(q.fma(x, x.broadcast(1.0)));
    }

    // Array kernels. The Vector API compiles to SIMD instructions only where the species is a
    // constant to the JIT; a species passed as an argument into a hot loop is not, and runs
    // several times slower. So the kernels use the module's species, SimdConfig.DOUBLE, which is
    // static final and chosen once per JVM (-Dnabla.simd.bits); for another width, call the
    // vector methods above in a loop with that species as a constant.

    /**
     * Writes e^x of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#DOUBLE}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #exp(DoubleVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        checkRanges("exp", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            exp(DoubleVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            exp(DoubleVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes ln(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#DOUBLE}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #log(DoubleVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void log(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        checkRanges("log", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            log(DoubleVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            log(DoubleVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes tanh(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#DOUBLE}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #tanh(DoubleVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        checkRanges("tanh", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            tanh(DoubleVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            tanh(DoubleVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes sigmoid(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#DOUBLE}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #sigmoid(DoubleVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        checkRanges("sigmoid", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            sigmoid(DoubleVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            sigmoid(DoubleVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes erf(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#DOUBLE}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #erf(DoubleVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void erf(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        checkRanges("erf", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            erf(DoubleVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Double> m = S.indexInRange(i, n);
            erf(DoubleVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    private static void checkRanges(String op, double[] src, int srcOff, double[] dst, int dstOff, int n) {
        if (n < 0 || srcOff < 0 || dstOff < 0 || srcOff > src.length - n || dstOff > dst.length - n) {
            throw new IndexOutOfBoundsException(op + ": cannot map " + n + " elements from offset " + srcOff
                    + " of a double[" + src.length + "] to offset " + dstOff + " of a double[" + dst.length
                    + "]; offsets and n must be non-negative and each range must fit its array");
        }
    }
}
