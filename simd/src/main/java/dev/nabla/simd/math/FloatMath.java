package dev.nabla.simd.math;

import dev.nabla.simd.SimdConfig;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized {@code exp}, {@code log}, {@code tanh}, {@code sigmoid} and {@code erf} for {@code float} lanes,
 * written as range reduction plus polynomial, with no per-element call to {@link Math}.
 *
 * <p>The vector methods work for any species: constants are broadcast to the argument's own
 * species. The array kernels run with the module's species {@link SimdConfig#FLOAT}, one width
 * per JVM ({@code -Dnabla.simd.bits}). Every operation used is an IEEE-754 correctly rounded
 * lane operation (add, mul, fused multiply-add, div, compare, blend, bit operations), so the result of
 * a lane depends only on its input: it is the same for every vector width, for the vector body
 * and the masked tail of an array kernel, and on every JDK and CPU. The Vector API's own
 * {@code lanewise(VectorOperators.EXP)} is SVML on some platforms and a per-lane {@code Math.exp}
 * fallback on others; these kernels do not depend on either.
 *
 * <p>Error bounds, asserted by {@code FloatMathTest} against {@link StrictMath} evaluated in
 * {@code double} over every 1021st float bit pattern and dense grids (largest error measured in
 * brackets; see {@code docs/simd-math.md}):
 * <table>
 *   <caption>float error bounds</caption>
 *   <tr><th>function</th><th>bound (measured)</th><th>special values</th></tr>
 *   <tr><td>{@link #exp}</td><td>1 ulp (0.99)</td><td>exp(NaN)=NaN, exp(+inf)=+inf,
 *       exp(-inf)=+0, x &ge; 88.7228394 gives +inf, results below {@code Float.MIN_NORMAL}
 *       (x &lt; -87.34) are subnormals rounded once, x &lt; -103.972 gives +0</td></tr>
 *   <tr><td>{@link #log}</td><td>1 ulp (0.83)</td><td>log(±0)=-inf, log(x&lt;0)=NaN,
 *       log(-inf)=NaN, log(+inf)=+inf, log(NaN)=NaN, subnormal inputs to full accuracy</td></tr>
 *   <tr><td>{@link #tanh}</td><td>2 ulp (1.33)</td><td>tanh(±0)=±0, |x| &ge; 9.01 gives ±1,
 *       tanh(NaN)=NaN</td></tr>
 *   <tr><td>{@link #sigmoid}</td><td>2.5 ulp (2.20)</td><td>sigmoid(±0)=0.5 exactly,
 *       sigmoid(+inf)=1, sigmoid(-inf)=+0, subnormal results for x &lt; -87.34,
 *       sigmoid(NaN)=NaN</td></tr>
 *   <tr><td>{@link #erf}</td><td>1.5 ulp (1.12)</td><td>erf(±0)=±0, |x| &ge; 4 gives ±1,
 *       erf(±inf)=±1, erf(NaN)=NaN</td></tr>
 * </table>
 *
 * <p>{@link DoubleMath} is the mirror of this class for {@code double} lanes: the Vector API has
 * no generics over the element type ({@code FloatVector} and {@code DoubleVector} share no typed
 * arithmetic interface), so the two are written out separately and kept line-for-line parallel.
 */
public final class FloatMath {
    /** The species of the array kernels: fixed per JVM, so the JIT folds it in (see below). */
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;

    private FloatMath() {
    }

    // exp: x = k ln2 + r, |r| <= ln2/2; ln2 split so that k * LN2_HI is exact (Cody-Waite).
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Below this every result underflows to +0 (exp(-103.97) is half the smallest subnormal). */
    private static final float EXP_MIN = -104f;
    /** Above this every result overflows to +inf; in [EXP_MIN, EXP_MAX], k is in [-151, 128]. */
    private static final float EXP_MAX = 89f;
    /** 1.5 * 2^23: adding it rounds to an integer, which then sits in the low mantissa bits. */
    private static final float SHIFTER = 0x1.8p23f;
    private static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    // (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2], minimax (Cephes expf).
    private static final float E0 = 1.9875691500e-4f;
    private static final float E1 = 1.3981999507e-3f;
    private static final float E2 = 8.3334519073e-3f;
    private static final float E3 = 4.1665795894e-2f;
    private static final float E4 = 1.6666665459e-1f;
    private static final float E5 = 5.0000001201e-1f;

    // log: x = 2^k m, m in [sqrt(1/2), sqrt(2)), f = m - 1, s = f / (2 + f) (musl logf).
    private static final int SQRT_HALF_BITS = 0x3f3504f3;
    private static final int ONE_BITS = 0x3f800000;
    private static final float LOG_LN2_HI = 6.9313812256e-01f;
    private static final float LOG_LN2_LO = 9.0580006145e-06f;
    private static final float L1 = 0.66666662693f;
    private static final float L2 = 0.40000972152f;
    private static final float L3 = 0.28498786688f;
    private static final float L4 = 0.24279078841f;
    /** Subnormal inputs are scaled by 2^25 so that their exponent field is exact. */
    private static final float SUBNORMAL_SCALE = 0x1p25f;

    // tanh: odd minimax x + x^3 P(x^2) below 0.625 (Cephes tanhf), 1 - 2 / (e^2|x| + 1) above.
    private static final float TANH_SMALL = 0.625f;
    private static final float T0 = -5.70498872745e-3f;
    private static final float T1 = 2.06390887954e-2f;
    private static final float T2 = -5.37397155531e-2f;
    private static final float T3 = 1.33314422036e-1f;
    private static final float T4 = -3.33332819422e-1f;

    // erf: |x| + |x| R(x^2) below 1; 1 - e^-x^2 P(|x|) / Q(|x|) up to 4, then 1. Fitted for
    // Nabla (tests/golden/fit_erf_coefficients.py); P and Q have positive coefficients and Q(0) = 1.
    private static final float ERF_SMALL = 1f;
    private static final float ERF_SATURATION = 4f;
    private static final float R0 = -1.04691104e-07f;
    private static final float R1 = 1.5306373e-06f;
    private static final float R2 = -1.4795031e-05f;
    private static final float R3 = 0.00012046261f;
    private static final float R4 = -0.00085479335f;
    private static final float R5 = 0.005223967f;
    private static final float R6 = -0.02686617f;
    private static final float R7 = 0.11283792f;
    private static final float R8 = -0.37612638f;
    private static final float R9 = 0.12837917f;
    private static final float N0 = 0.11594275f;
    private static final float N1 = 0.51962566f;
    private static final float N2 = 1.0678052f;
    private static final float N3 = 0.9997415f;
    private static final float D0 = 0.2055277f;
    private static final float D1 = 0.9204385f;
    private static final float D2 = 2.001448f;
    private static final float D3 = 2.1944263f;

    /**
     * Lane-wise e^x.
     *
     * @param x any species; not modified
     * @return e^x per lane, same species
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector t = x.fma(LOG2E, SHIFTER); // one rounding: the nearest integer k, plus SHIFTER
        FloatVector k = t.sub(SHIFTER);
        FloatVector r = k.fma(k.broadcast(-LN2_HI), x);
        r = k.fma(k.broadcast(-LN2_LO), r);
        FloatVector er = expOfReduced(r);
        // 2^k in two halves, so that both factors stay normal for k in [-151, 128]: the first
        // multiply is exact, the second rounds once, which makes subnormal results correctly
        // rounded from er and lets large k overflow to +inf by itself.
        IntVector ki = t.reinterpretAsInts().sub(SHIFTER_BITS);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = ki.sub(k1);
        FloatVector y = er.mul(k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
                .mul(k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        // Out of range, k is garbage: patch those lanes. NaN compares false and stays NaN.
        y = y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
        return y.blend(0f, x.lt(EXP_MIN));
    }

    /**
     * Lane-wise natural logarithm.
     *
     * @param x any species; not modified
     * @return ln(x) per lane, same species
     */
    public static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.lt(Float.MIN_NORMAL); // also 0 and negatives, fixed below
        FloatVector xs = x.blend(x.mul(SUBNORMAL_SCALE), subnormal);
        // Shift the exponent boundary to sqrt(1/2) so that m lands in [sqrt(1/2), sqrt(2)).
        IntVector ix = xs.reinterpretAsInts().add(ONE_BITS - SQRT_HALF_BITS);
        IntVector ki = ix.lanewise(VectorOperators.ASHR, 23).sub(0x7f);
        FloatVector m = ix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats();
        FloatVector k = ki.add(SHIFTER_BITS).reinterpretAsFloats().sub(SHIFTER); // exact for |k| < 2^22
        k = k.blend(k.sub(25f), subnormal);

        FloatVector y = logOfReduced(m, k);

        VectorMask<Float> passThrough = x.test(VectorOperators.IS_NAN).or(x.eq(Float.POSITIVE_INFINITY));
        y = y.blend(x, passThrough);
        y = y.blend(Float.NaN, x.lt(0f));
        return y.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
    }

    /**
     * Lane-wise hyperbolic tangent.
     *
     * @param x any species; not modified
     * @return tanh(x) per lane, same species; the sign of zero is kept
     */
    public static FloatVector tanh(FloatVector x) {
        // Both branches work on |x|; the sign bit of x is put back at the end, so -0 stays -0.
        FloatVector ax = x.abs();
        FloatVector z = ax.mul(ax);
        FloatVector p = z.fma(T0, T1);
        p = p.fma(z, z.broadcast(T2));
        p = p.fma(z, z.broadcast(T3));
        p = p.fma(z, z.broadcast(T4));
        FloatVector small = p.mul(z).fma(ax, ax); // |x| + |x|^3 P(x^2): no cancellation near 0

        FloatVector e = exp(ax.add(ax)); // +inf for |x| > 44.4, and then 1 - 2 / (inf + 1) = 1
        FloatVector large = FloatVector.broadcast(x.species(), 2f).div(e.add(1f)).neg().add(1f);
        FloatVector y = large.blend(small, ax.lt(TANH_SMALL));
        return y.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    /**
     * Lane-wise logistic sigmoid 1 / (1 + e^-x), computed as 1 / (1 + e^-|x|) for x &ge; 0 and
     * e^-|x| / (1 + e^-|x|) for x &lt; 0, so the exponential never overflows.
     *
     * @param x any species; not modified
     * @return sigmoid(x) per lane, same species
     */
    public static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector one = FloatVector.broadcast(x.species(), 1f);
        return one.blend(e, x.lt(0f)).div(e.add(1f));
    }

    /**
     * Lane-wise error function, erf(x) = 2/sqrt(pi) times the integral of e^-t^2 from 0 to x.
     *
     * @param x any species; not modified
     * @return erf(x) per lane, same species; odd, so the sign of zero is kept
     */
    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector small = ax.fma(erfSmallSeries(ax.mul(ax)), ax); // |x| exact, the series adds at most 13%
        FloatVector y = erfcScaled(ax).mul(exp(ax.mul(ax).neg())).neg().add(1f);
        y = y.blend(small, ax.lt(ERF_SMALL));
        y = y.blend(1f, ax.compare(VectorOperators.GE, ERF_SATURATION)); // also inf; NaN stays NaN
        return y.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    // The helpers below keep each method under HotSpot's inlining limits: 325 bytes of bytecode
    // for a hot callee (FreqInlineSize) and 15 nested calls (MaxInlineLevel), of which the
    // Vector API itself uses about ten. A kernel that is not inlined passes boxed vectors and
    // runs tens of times slower.

    /** e^r for |r| &lt;= ln2/2: 1 + r + r^2 P(r). */
    private static FloatVector expOfReduced(FloatVector r) {
        FloatVector p = r.fma(E0, E1);
        p = p.fma(r, r.broadcast(E2));
        p = p.fma(r, r.broadcast(E3));
        p = p.fma(r, r.broadcast(E4));
        p = p.fma(r, r.broadcast(E5));
        return p.fma(r.mul(r), r).add(1f);
    }

    /** k ln2 + ln(m) for m in [sqrt(1/2), sqrt(2)): f = m - 1, s = f / (2 + f). */
    private static FloatVector logOfReduced(FloatVector m, FloatVector k) {
        FloatVector f = m.sub(1f);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector w = z.mul(z);
        FloatVector t1 = w.mul(w.fma(L4, L2));
        FloatVector t2 = z.mul(w.fma(L3, L1));
        FloatVector rr = t2.add(t1);
        FloatVector hfsq = f.mul(f).mul(0.5f);
        FloatVector y = s.fma(hfsq.add(rr), k.mul(LOG_LN2_LO)).sub(hfsq).add(f);
        return k.fma(k.broadcast(LOG_LN2_HI), y);
    }

    /** R(z) = erf(x)/x - 1 with z = x^2, for |x| &lt; 1: degree 9. */
    private static FloatVector erfSmallSeries(FloatVector z) {
        FloatVector p = z.fma(R0, R1);
        p = p.fma(z, z.broadcast(R2));
        p = p.fma(z, z.broadcast(R3));
        p = p.fma(z, z.broadcast(R4));
        p = p.fma(z, z.broadcast(R5));
        p = p.fma(z, z.broadcast(R6));
        p = p.fma(z, z.broadcast(R7));
        p = p.fma(z, z.broadcast(R8));
        p = p.fma(z, z.broadcast(R9));
        return p;
    }

    /** e^x^2 erfc(x) for x in [1, saturation]: P(x) / Q(x). */
    private static FloatVector erfcScaled(FloatVector x) {
        FloatVector p = x.fma(N0, N1);
        p = p.fma(x, x.broadcast(N2));
        p = p.fma(x, x.broadcast(N3));
        FloatVector q = x.fma(D0, D1);
        q = q.fma(x, x.broadcast(D2));
        q = q.fma(x, x.broadcast(D3));
        return p.div(q.fma(x, x.broadcast(1f)));
    }

    // Array kernels. The Vector API compiles to SIMD instructions only where the species is a
    // constant to the JIT; a species passed as an argument into a hot loop is not, and runs
    // several times slower. So the kernels use the module's species, SimdConfig.FLOAT, which is
    // static final and chosen once per JVM (-Dnabla.simd.bits); for another width, call the
    // vector methods above in a loop with that species as a constant.

    /**
     * Writes e^x of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#FLOAT}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #exp(FloatVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkRanges("exp", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            exp(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            exp(FloatVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes ln(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#FLOAT}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #log(FloatVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void log(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkRanges("log", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            log(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            log(FloatVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes tanh(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#FLOAT}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #tanh(FloatVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkRanges("tanh", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            tanh(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            tanh(FloatVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes sigmoid(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#FLOAT}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #sigmoid(FloatVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkRanges("sigmoid", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            sigmoid(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            sigmoid(FloatVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    /**
     * Writes erf(x) of src[srcOff + i] to dst[dstOff + i] for i in [0, n), with the species
     * {@link SimdConfig#FLOAT}. The last partial vector runs masked through the same kernel, so
     * every element gets the bits of {@link #erf(FloatVector)}, whatever the width.
     *
     * @param src read only; may be dst itself when srcOff == dstOff (in place)
     * @param dst written in [dstOff, dstOff + n), nothing else is touched
     * @throws IndexOutOfBoundsException if a range does not fit its array
     */
    public static void erf(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkRanges("erf", src, srcOff, dst, dstOff, n);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            erf(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            erf(FloatVector.fromArray(S, src, srcOff + i, m)).intoArray(dst, dstOff + i, m);
        }
    }

    private static void checkRanges(String op, float[] src, int srcOff, float[] dst, int dstOff, int n) {
        if (n < 0 || srcOff < 0 || dstOff < 0 || srcOff > src.length - n || dstOff > dst.length - n) {
            throw new IndexOutOfBoundsException(op + ": cannot map " + n + " elements from offset " + srcOff
                    + " of a float[" + src.length + "] to offset " + dstOff + " of a float[" + dst.length
                    + "]; offsets and n must be non-negative and each range must fit its array");
        }
    }
}
