package dev.nabla.simd.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FloatMathTest {
    interface Kernel {
        void apply(VectorSpecies<Float> species, float[] src, int srcOff, float[] dst, int dstOff, int n);
    }

    /** Each function with its kernel, its reference in double, its bound and its main range. */
    enum Fn {
        EXP(FloatMath::exp, StrictMath::exp, 1.0, -104f, 89f),
        LOG(FloatMath::log, StrictMath::log, 1.0, 0f, 4f),
        TANH(FloatMath::tanh, StrictMath::tanh, 2.0, -10f, 10f),
        SIGMOID(FloatMath::sigmoid, x -> 1 / (1 + StrictMath.exp(-x)), 2.5, -105f, 20f);

        final Kernel kernel;
        final DoubleUnaryOperator ref;
        final double maxUlp;
        final float lo;
        final float hi;

        Fn(Kernel kernel, DoubleUnaryOperator ref, double maxUlp, float lo, float hi) {
            this.kernel = kernel;
            this.ref = ref;
            this.maxUlp = maxUlp;
            this.lo = lo;
            this.hi = hi;
        }

        float[] run(VectorSpecies<Float> species, float[] x) {
            float[] y = new float[x.length];
            kernel.apply(species, x, 0, y, 0, x.length);
            return y;
        }
    }

    private static final VectorSpecies<Float>[] WIDTHS = widths();

    @SuppressWarnings("unchecked")
    private static VectorSpecies<Float>[] widths() {
        return new VectorSpecies[] {FloatVector.SPECIES_64, FloatVector.SPECIES_128, FloatVector.SPECIES_256,
            FloatVector.SPECIES_512};
    }

    /** Every 1021st bit pattern of the 2^32 floats: all exponents, both signs, subnormals, NaNs. */
    static float[] bitSweep() {
        int stride = 1021;
        float[] x = new float[(int) ((1L << 32) / stride) + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = Float.intBitsToFloat((int) ((long) i * stride));
        }
        return x;
    }

    static float[] grid(float lo, float hi, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + (hi - (double) lo) * i / (n - 1));
        }
        return x;
    }

    /** The 2001 floats closest to x. */
    static float[] around(float x) {
        float[] r = new float[2001];
        float lo = x;
        for (int i = 0; i < 1000; i++) {
            lo = Math.nextDown(lo);
        }
        for (int i = 0; i < r.length; i++) {
            r[i] = lo;
            lo = Math.nextUp(lo);
        }
        return r;
    }

    /** The largest error in ulps over x, asserted against the function's bound. */
    private static double maxError(Fn fn, float[] x, String what) {
        float[] y = fn.run(FloatVector.SPECIES_PREFERRED, x);
        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Ulps.ofFloat(y[i], fn.ref.applyAsDouble(x[i]));
            if (e > worst) {
                worst = e;
                worstX = x[i];
            }
        }
        System.out.printf("F32 %-7s %-30s n=%8d max %.3f ulp at x=%s%n", fn, what, x.length, worst, worstX);
        assertThat(worst).as("%s max ulp error over %s, worst at x=%s (%a)", fn, what, worstX, worstX)
                .isLessThanOrEqualTo(fn.maxUlp);
        return worst;
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOverAllExponents(Fn fn) {
        maxError(fn, bitSweep(), "every 1021st float");
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOnADenseGridOfTheMainRange(Fn fn) {
        maxError(fn, grid(fn.lo, fn.hi, 2_000_001), "grid [" + fn.lo + ", " + fn.hi + "]");
    }

    @Test
    void withinBoundNearTheInterestingPoints() {
        maxError(Fn.LOG, grid(0.5f, 2f, 1_000_001), "grid [0.5, 2] around 1");
        maxError(Fn.LOG, grid(0f, Float.MIN_NORMAL * 4, 1_000_001), "subnormal inputs");
        maxError(Fn.EXP, grid(-1e-3f, 1e-3f, 1_000_001), "grid around 0");
        maxError(Fn.EXP, grid(-104f, -87f, 1_000_001), "subnormal results");
        maxError(Fn.EXP, around(88.72283935546875f), "overflow boundary");
        maxError(Fn.EXP, around(-103.972077f), "underflow boundary");
        maxError(Fn.EXP, around(-87.336544f), "normal / subnormal boundary");
        maxError(Fn.LOG, around(Float.MIN_NORMAL), "normal / subnormal boundary");
        maxError(Fn.LOG, around(Float.MAX_VALUE), "largest floats");
        maxError(Fn.SIGMOID, around(-103.972077f), "underflow boundary");
        maxError(Fn.TANH, grid(-1e-3f, 1e-3f, 1_000_001), "grid around 0");
        maxError(Fn.TANH, grid(0.6f, 0.65f, 1_000_001), "polynomial / exp switch at 0.625");
        maxError(Fn.TANH, grid(8.5f, 10f, 100_001), "saturation");
        maxError(Fn.SIGMOID, grid(-1e-3f, 1e-3f, 1_000_001), "grid around 0");
    }

    @Test
    void specialValues() {
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        float sub = Float.MIN_VALUE;
        check(Fn.EXP, new float[] {nan, inf, -inf, 0f, -0f, sub, -sub, -104f, Float.MAX_VALUE, -Float.MAX_VALUE},
                new float[] {nan, inf, 0f, 1f, 1f, 1f, 1f, 0f, inf, 0f});
        check(Fn.LOG, new float[] {nan, inf, -inf, 0f, -0f, -1f, -sub, 1f},
                new float[] {nan, inf, nan, -inf, -inf, nan, nan, 0f});
        check(Fn.TANH, new float[] {nan, inf, -inf, 0f, -0f, 10f, -10f, 1e-30f, -sub, Float.MAX_VALUE},
                new float[] {nan, 1f, -1f, 0f, -0f, 1f, -1f, 1e-30f, -sub, 1f});
        check(Fn.SIGMOID, new float[] {nan, inf, -inf, 0f, -0f, 20f, -200f, Float.MAX_VALUE, -Float.MAX_VALUE},
                new float[] {nan, 1f, 0f, 0.5f, 0.5f, 1f, 0f, 1f, 0f});
    }

    private static void check(Fn fn, float[] x, float[] expected) {
        for (VectorSpecies<Float> s : WIDTHS) {
            float[] y = fn.run(s, x);
            for (int i = 0; i < x.length; i++) {
                assertThat(Float.floatToIntBits(y[i])).as("%s(%s) with %s: got %s, expected %s", fn, x[i], s, y[i],
                        expected[i]).isEqualTo(Float.floatToIntBits(expected[i]));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void everyWidthBodyAndTailGiveTheSameBits(Fn fn) {
        Random rnd = new Random(7);
        int n = 100_003;
        float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Float.intBitsToFloat(rnd.nextInt()) : (rnd.nextFloat() - 0.5f) * 2 * Math.abs(fn.lo);
        }
        float[] expected = new float[n + 5];
        fn.kernel.apply(FloatVector.SPECIES_PREFERRED, x, 3, expected, 5, n);
        for (VectorSpecies<Float> s : WIDTHS) {
            float[] y = new float[n + 5];
            fn.kernel.apply(s, x, 3, y, 5, n);
            assertThat(y).as("%s with %s", fn, s).isEqualTo(expected);
        }
        // n = 1 to 17 at a time: every element goes through the masked tail.
        float[] y = new float[n + 5];
        for (int i = 0; i < n; ) {
            int len = Math.min(1 + i % 17, n - i);
            fn.kernel.apply(FloatVector.SPECIES_512, x, 3 + i, y, 5 + i, len);
            i += len;
        }
        assertThat(y).as("%s in tails only", fn).isEqualTo(expected);
        // In place.
        float[] z = x.clone();
        fn.kernel.apply(FloatVector.SPECIES_256, z, 3, z, 3, n);
        assertThat(java.util.Arrays.copyOfRange(z, 3, n + 3)).isEqualTo(java.util.Arrays.copyOfRange(expected, 5, n + 5));
    }

    @Test
    void vectorMethodsMatchTheArrayKernels() {
        float[] x = grid(-20f, 20f, 16);
        float[] y = new float[16];
        FloatMath.exp(FloatVector.fromArray(FloatVector.SPECIES_512, x, 0)).intoArray(y, 0);
        assertThat(y).isEqualTo(Fn.EXP.run(FloatVector.SPECIES_128, x));
        FloatMath.tanh(FloatVector.fromArray(FloatVector.SPECIES_256, x, 8)).intoArray(y, 8);
        assertThat(java.util.Arrays.copyOfRange(y, 8, 16))
                .isEqualTo(java.util.Arrays.copyOfRange(Fn.TANH.run(FloatVector.SPECIES_512, x), 8, 16));
    }

    @Test
    void preferredSpeciesOverloadsMatch() {
        float[] x = grid(-5f, 5f, 1001);
        float[] y = new float[x.length];
        FloatMath.sigmoid(x, 0, y, 0, x.length);
        assertThat(y).isEqualTo(Fn.SIGMOID.run(FloatVector.SPECIES_128, x));
        FloatMath.log(x, 0, y, 0, x.length);
        assertThat(y).isEqualTo(Fn.LOG.run(FloatVector.SPECIES_128, x));
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        float[] a = new float[10];
        assertThatThrownBy(() -> FloatMath.exp(a, 5, a, 0, 6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("exp: cannot map 6 elements from offset 5 of a float[10] to offset 0 of a float[10];"
                        + " offsets and n must be non-negative and each range must fit its array");
        assertThatThrownBy(() -> FloatMath.log(a, 0, new float[3], 0, 4)).hasMessageContaining("float[3]");
        assertThatThrownBy(() -> FloatMath.tanh(a, 0, a, 0, -1)).hasMessageContaining("-1 elements");
        FloatMath.sigmoid(a, 10, a, 10, 0); // an empty range at the end is fine
    }
}
