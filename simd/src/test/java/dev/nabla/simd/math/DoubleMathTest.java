package dev.nabla.simd.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.simd.SimdConfig;
import dev.nabla.tensor.reference.Erf;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The array kernels run at this JVM's width ({@link SimdConfig#DOUBLE}); simd/pom.xml runs this
 * class once per width. The vector methods are called here with every species, in one JVM, and
 * must give the bits of the array kernels.
 */
class DoubleMathTest {
    /** Divides the sample counts of the error sweeps, as in {@link FloatMathTest#SPARSER}. */
    static final int SPARSER = FloatMathTest.SPARSER;

    interface Kernel {
        void apply(double[] src, int srcOff, double[] dst, int dstOff, int n);
    }

    /**
     * Each function with its array kernel, its vector method, its 45-digit reference (null where
     * the result is known without it), StrictMath, its bound and its main range.
     */
    enum Fn {
        EXP(DoubleMath::exp, DoubleMath::exp, Fn::bigExp, StrictMath::exp, 1.0, -746, 710),
        LOG(DoubleMath::log, DoubleMath::log, Fn::bigLog, StrictMath::log, 1.0, 0, 4),
        TANH(DoubleMath::tanh, DoubleMath::tanh, BigRef::tanh, StrictMath::tanh, 2.0, -20, 20),
        SIGMOID(DoubleMath::sigmoid, DoubleMath::sigmoid, BigRef::sigmoid, Fn::strictSigmoid, 2.5, -750, 40),
        /** StrictMath has no erf: the reference backend's, itself within about 1 ulp, stands in. */
        ERF(DoubleMath::erf, DoubleMath::erf, BigRef::erf, Erf::erf, 1.5, -6.5, 6.5);

        final Kernel kernel;
        final UnaryOperator<DoubleVector> lanes;
        final DoubleFunction<BigDecimal> big;
        final DoubleUnaryOperator strict;
        final double maxUlp;
        final double lo;
        final double hi;

        Fn(Kernel kernel, UnaryOperator<DoubleVector> lanes, DoubleFunction<BigDecimal> big,
                DoubleUnaryOperator strict, double maxUlp, double lo, double hi) {
            this.kernel = kernel;
            this.lanes = lanes;
            this.big = big;
            this.strict = strict;
            this.maxUlp = maxUlp;
            this.lo = lo;
            this.hi = hi;
        }

        private static BigDecimal bigExp(double x) {
            return x > 710 ? BigDecimal.TEN.pow(400) : x < -800 ? BigDecimal.ZERO : BigRef.exp(x);
        }

        private static BigDecimal bigLog(double x) {
            return x > 0 && x < Double.POSITIVE_INFINITY ? BigRef.log(x) : null;
        }

        private static double strictSigmoid(double x) {
            double e = StrictMath.exp(-Math.abs(x)); // 1 / (1 + e^-x) would overflow below -709.78
            return (x < 0 ? e : 1) / (1 + e);
        }

        /** The array kernel over x, at this JVM's width. */
        double[] run(double[] x) {
            double[] y = new double[x.length];
            kernel.apply(x, 0, y, 0, x.length);
            return y;
        }

        /** The vector method over x with species s, the last partial vector masked. */
        double[] run(VectorSpecies<Double> s, double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i += s.length()) {
                VectorMask<Double> m = s.indexInRange(i, x.length);
                lanes.apply(DoubleVector.fromArray(s, x, i, m)).intoArray(y, i, m);
            }
            return y;
        }
    }

    private static final VectorSpecies<Double>[] WIDTHS = widths();

    @SuppressWarnings("unchecked")
    private static VectorSpecies<Double>[] widths() {
        return new VectorSpecies[] {DoubleVector.SPECIES_64, DoubleVector.SPECIES_128, DoubleVector.SPECIES_256,
            DoubleVector.SPECIES_512};
    }

    /** Random bit patterns: all exponents, both signs, subnormals; NaN and infinities dropped. */
    static double[] randomBits(long seed, int n) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; ) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isFinite(v)) {
                x[i++] = v;
            }
        }
        return x;
    }

    static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    /** The 201 doubles closest to x. */
    static double[] around(double x) {
        double[] r = new double[201];
        double v = x;
        for (int i = 0; i < 100; i++) {
            v = Math.nextDown(v);
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = v;
            v = Math.nextUp(v);
        }
        return r;
    }

    /** The largest error in ulps against the 45-digit reference, asserted against the bound. */
    private static double maxError(Fn fn, double[] x, String what) {
        double[] y = fn.run(x);
        double worst = 0;
        double worstX = 0;
        for (int i = 0; i < x.length; i++) {
            BigDecimal ref = fn.big.apply(x[i]);
            double e = ref == null ? (Double.isNaN(y[i]) == Double.isNaN(fn.strict.applyAsDouble(x[i])) ? 0 : 1e9)
                    : Ulps.ofDouble(y[i], ref);
            if (e > worst) {
                worst = e;
                worstX = x[i];
            }
        }
        System.out.printf("F64 %-7s %-32s n=%7d max %.3f ulp at x=%s (%d-bit)%n", fn, what, x.length, worst, worstX,
                SimdConfig.BITS);
        assertThat(worst).as("%s max ulp error over %s, worst at x=%s (%a)", fn, what, worstX, worstX)
                .isLessThanOrEqualTo(fn.maxUlp);
        return worst;
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOverAllExponents(Fn fn) {
        maxError(fn, randomBits(fn.ordinal(), 20_000 / SPARSER), "random bit patterns");
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOnAGridOfTheMainRange(Fn fn) {
        maxError(fn, grid(fn.lo, fn.hi, 20_000 / SPARSER + 1), "grid [" + fn.lo + ", " + fn.hi + "]");
    }

    @Test
    void withinBoundNearTheInterestingPoints() {
        maxError(Fn.EXP, grid(-0.4, 0.4, 10_000 / SPARSER + 1), "grid [-0.4, 0.4]");
        maxError(Fn.EXP, around(709.782712893384), "overflow boundary");
        maxError(Fn.EXP, around(-745.1332191019411), "underflow boundary");
        maxError(Fn.EXP, grid(-745.2, -708.3, 10_000 / SPARSER + 1), "subnormal results");
        maxError(Fn.LOG, grid(0.5, 2, 10_000 / SPARSER + 1), "grid [0.5, 2] around 1");
        maxError(Fn.LOG, around(1.0), "around 1");
        maxError(Fn.LOG, grid(0, Double.MIN_NORMAL * 4, 10_000 / SPARSER + 1), "subnormal inputs");
        maxError(Fn.LOG, around(Double.MAX_VALUE), "largest doubles");
        maxError(Fn.TANH, grid(-1e-3, 1e-3, 10_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.TANH, grid(0.6, 0.65, 10_000 / SPARSER + 1), "rational / exp switch at 0.625");
        maxError(Fn.TANH, grid(18.5, 20, 10_000 / SPARSER + 1), "saturation");
        maxError(Fn.SIGMOID, grid(-1e-3, 1e-3, 10_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.SIGMOID, around(-745.1332191019411), "underflow boundary");
        maxError(Fn.ERF, grid(-1e-3, 1e-3, 10_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.ERF, around(1.0), "series / rational switch at 1");
        maxError(Fn.ERF, grid(0.9, 1.1, 10_000 / SPARSER + 1), "grid around the switch at 1");
        maxError(Fn.ERF, grid(5.5, 6.5, 10_000 / SPARSER + 1), "saturation");
    }

    /** A larger sweep against StrictMath, which is itself within 1 ulp: so bound + 1. */
    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundPlusOneOfStrictMathOnAMillionPoints(Fn fn) {
        double[] x = grid(fn.lo, fn.hi, 1_000_000 / SPARSER + 1);
        double[] y = fn.run(x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double ref = fn.strict.applyAsDouble(x[i]);
            double e = y[i] == ref ? 0 : Math.abs(y[i] - ref) / Math.ulp(ref);
            worst = Math.max(worst, e);
        }
        assertThat(worst).as("%s against StrictMath", fn).isLessThanOrEqualTo(fn.maxUlp + 1);
    }

    @Test
    void specialValues() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        double sub = Double.MIN_VALUE;
        check(Fn.EXP, new double[] {nan, inf, -inf, 0, -0.0, sub, -sub, -746, 710, Double.MAX_VALUE, -Double.MAX_VALUE},
                new double[] {nan, inf, 0, 1, 1, 1, 1, 0, inf, inf, 0});
        check(Fn.LOG, new double[] {nan, inf, -inf, 0, -0.0, -1, -sub, 1},
                new double[] {nan, inf, nan, -inf, -inf, nan, nan, 0});
        check(Fn.TANH, new double[] {nan, inf, -inf, 0, -0.0, 20, -20, 1e-300, -sub, Double.MAX_VALUE},
                new double[] {nan, 1, -1, 0, -0.0, 1, -1, 1e-300, -sub, 1});
        check(Fn.SIGMOID, new double[] {nan, inf, -inf, 0, -0.0, 40, -800, Double.MAX_VALUE, -Double.MAX_VALUE},
                new double[] {nan, 1, 0, 0.5, 0.5, 1, 0, 1, 0});
        check(Fn.ERF, new double[] {nan, inf, -inf, 0, -0.0, 6, -6, Double.MAX_VALUE, -Double.MAX_VALUE},
                new double[] {nan, 1, -1, 0, -0.0, 1, -1, 1, -1});
    }

    private static void check(Fn fn, double[] x, double[] expected) {
        checkBits(fn, x, fn.run(x), expected, SimdConfig.BITS + "-bit array kernel");
        for (VectorSpecies<Double> s : WIDTHS) {
            checkBits(fn, x, fn.run(s, x), expected, s.toString());
        }
    }

    private static void checkBits(Fn fn, double[] x, double[] y, double[] expected, String how) {
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToLongBits(y[i])).as("%s(%s) with %s: got %s, expected %s", fn, x[i], how,
                    y[i], expected[i]).isEqualTo(Double.doubleToLongBits(expected[i]));
        }
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void everyWidthBodyAndTailGiveTheSameBits(Fn fn) {
        Random rnd = new Random(11);
        int n = 100_003;
        double[] x = new double[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : (rnd.nextDouble() - 0.5) * 2 * Math.abs(fn.lo);
        }
        // The reference: the vector method on 128-bit vectors (2 lanes).
        double[] body = Arrays.copyOfRange(x, 3, n + 3);
        double[] reference = fn.run(DoubleVector.SPECIES_128, body);
        for (VectorSpecies<Double> s : WIDTHS) {
            assertThat(fn.run(s, body)).as("%s with %s", fn, s).isEqualTo(reference);
        }
        double[] expected = new double[n + 5];
        System.arraycopy(reference, 0, expected, 5, n);
        double[] y = new double[n + 5];
        fn.kernel.apply(x, 3, y, 5, n);
        assertThat(y).as("%s array kernel, %d-bit", fn, SimdConfig.BITS).isEqualTo(expected);
        // n = 1 to 9 at a time: every element goes through the masked tail at least once.
        y = new double[n + 5];
        for (int i = 0; i < n; ) {
            int len = Math.min(1 + i % 9, n - i);
            fn.kernel.apply(x, 3 + i, y, 5 + i, len);
            i += len;
        }
        assertThat(y).as("%s in tails only, %d-bit", fn, SimdConfig.BITS).isEqualTo(expected);
        // In place.
        double[] z = x.clone();
        fn.kernel.apply(z, 3, z, 3, n);
        assertThat(Arrays.copyOfRange(z, 3, n + 3)).as("%s in place", fn).isEqualTo(reference);
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        double[] a = new double[10];
        assertThatThrownBy(() -> DoubleMath.exp(a, 5, a, 0, 6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("exp: cannot map 6 elements from offset 5 of a double[10] to offset 0 of a double[10];"
                        + " offsets and n must be non-negative and each range must fit its array");
        assertThatThrownBy(() -> DoubleMath.tanh(a, 0, a, 0, -1)).hasMessageContaining("-1 elements");
        DoubleMath.sigmoid(a, 10, a, 10, 0);
    }
}
