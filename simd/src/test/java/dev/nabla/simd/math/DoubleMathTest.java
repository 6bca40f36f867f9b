package dev.nabla.simd.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DoubleMathTest {
    interface Kernel {
        void apply(VectorSpecies<Double> species, double[] src, int srcOff, double[] dst, int dstOff, int n);
    }

    /**
     * Each function with its kernel, its 45-digit reference (null where the result is known
     * without it), StrictMath, its bound and its main range.
     */
    enum Fn {
        EXP(DoubleMath::exp, Fn::bigExp, StrictMath::exp, 1.0, -746, 710),
        LOG(DoubleMath::log, Fn::bigLog, StrictMath::log, 1.0, 0, 4),
        TANH(DoubleMath::tanh, BigRef::tanh, StrictMath::tanh, 2.0, -20, 20),
        SIGMOID(DoubleMath::sigmoid, BigRef::sigmoid, Fn::strictSigmoid, 2.5, -750, 40);

        final Kernel kernel;
        final DoubleFunction<BigDecimal> big;
        final DoubleUnaryOperator strict;
        final double maxUlp;
        final double lo;
        final double hi;

        Fn(Kernel kernel, DoubleFunction<BigDecimal> big, DoubleUnaryOperator strict, double maxUlp, double lo,
                double hi) {
            this.kernel = kernel;
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

        double[] run(VectorSpecies<Double> species, double[] x) {
            double[] y = new double[x.length];
            kernel.apply(species, x, 0, y, 0, x.length);
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
        double[] y = fn.run(DoubleVector.SPECIES_PREFERRED, x);
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
        System.out.printf("F64 %-7s %-32s n=%7d max %.3f ulp at x=%s%n", fn, what, x.length, worst, worstX);
        assertThat(worst).as("%s max ulp error over %s, worst at x=%s (%a)", fn, what, worstX, worstX)
                .isLessThanOrEqualTo(fn.maxUlp);
        return worst;
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOverAllExponents(Fn fn) {
        maxError(fn, randomBits(fn.ordinal(), 20_000), "random bit patterns");
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOnAGridOfTheMainRange(Fn fn) {
        maxError(fn, grid(fn.lo, fn.hi, 20_001), "grid [" + fn.lo + ", " + fn.hi + "]");
    }

    @Test
    void withinBoundNearTheInterestingPoints() {
        maxError(Fn.EXP, grid(-0.4, 0.4, 10_001), "grid [-0.4, 0.4]");
        maxError(Fn.EXP, around(709.782712893384), "overflow boundary");
        maxError(Fn.EXP, around(-745.1332191019411), "underflow boundary");
        maxError(Fn.EXP, grid(-745.2, -708.3, 10_001), "subnormal results");
        maxError(Fn.LOG, grid(0.5, 2, 10_001), "grid [0.5, 2] around 1");
        maxError(Fn.LOG, around(1.0), "around 1");
        maxError(Fn.LOG, grid(0, Double.MIN_NORMAL * 4, 10_001), "subnormal inputs");
        maxError(Fn.LOG, around(Double.MAX_VALUE), "largest doubles");
        maxError(Fn.TANH, grid(-1e-3, 1e-3, 10_001), "grid around 0");
        maxError(Fn.TANH, grid(0.6, 0.65, 10_001), "rational / exp switch at 0.625");
        maxError(Fn.TANH, grid(18.5, 20, 10_001), "saturation");
        maxError(Fn.SIGMOID, grid(-1e-3, 1e-3, 10_001), "grid around 0");
        maxError(Fn.SIGMOID, around(-745.1332191019411), "underflow boundary");
    }

    /** A larger sweep against StrictMath, which is itself within 1 ulp: so bound + 1. */
    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundPlusOneOfStrictMathOnAMillionPoints(Fn fn) {
        double[] x = grid(fn.lo, fn.hi, 1_000_001);
        double[] y = fn.run(DoubleVector.SPECIES_PREFERRED, x);
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
    }

    private static void check(Fn fn, double[] x, double[] expected) {
        for (VectorSpecies<Double> s : WIDTHS) {
            double[] y = fn.run(s, x);
            for (int i = 0; i < x.length; i++) {
                assertThat(Double.doubleToLongBits(y[i])).as("%s(%s) with %s: got %s, expected %s", fn, x[i], s,
                        y[i], expected[i]).isEqualTo(Double.doubleToLongBits(expected[i]));
            }
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
        double[] expected = new double[n + 5];
        fn.kernel.apply(DoubleVector.SPECIES_PREFERRED, x, 3, expected, 5, n);
        for (VectorSpecies<Double> s : WIDTHS) {
            double[] y = new double[n + 5];
            fn.kernel.apply(s, x, 3, y, 5, n);
            assertThat(y).as("%s with %s", fn, s).isEqualTo(expected);
        }
        // n = 1 to 9 at a time: every element goes through the masked tail.
        double[] y = new double[n + 5];
        for (int i = 0; i < n; ) {
            int len = Math.min(1 + i % 9, n - i);
            fn.kernel.apply(DoubleVector.SPECIES_512, x, 3 + i, y, 5 + i, len);
            i += len;
        }
        assertThat(y).as("%s in tails only", fn).isEqualTo(expected);
        double[] z = x.clone();
        fn.kernel.apply(DoubleVector.SPECIES_256, z, 3, z, 3, n);
        assertThat(Arrays.copyOfRange(z, 3, n + 3)).isEqualTo(Arrays.copyOfRange(expected, 5, n + 5));
    }

    @Test
    void vectorMethodsMatchTheArrayKernels() {
        double[] x = grid(-20, 20, 8);
        double[] y = new double[8];
        DoubleMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_512, x, 0)).intoArray(y, 0);
        assertThat(y).isEqualTo(Fn.EXP.run(DoubleVector.SPECIES_128, x));
        DoubleMath.tanh(DoubleVector.fromArray(DoubleVector.SPECIES_256, x, 4)).intoArray(y, 4);
        assertThat(Arrays.copyOfRange(y, 4, 8)).isEqualTo(Arrays.copyOfRange(Fn.TANH.run(DoubleVector.SPECIES_512, x), 4, 8));
    }

    @Test
    void preferredSpeciesOverloadsMatch() {
        double[] x = grid(-5, 5, 1001);
        double[] y = new double[x.length];
        DoubleMath.sigmoid(x, 0, y, 0, x.length);
        assertThat(y).isEqualTo(Fn.SIGMOID.run(DoubleVector.SPECIES_128, x));
        DoubleMath.log(x, 0, y, 0, x.length);
        assertThat(y).isEqualTo(Fn.LOG.run(DoubleVector.SPECIES_128, x));
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
