package dev.nabla.simd.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.simd.SimdConfig;
import dev.nabla.tensor.reference.Erf;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The array kernels run at this JVM's width ({@link SimdConfig#FLOAT}); simd/pom.xml runs this
 * class once per width. The vector methods are called here with every species, in one JVM, and
 * must give the bits of the array kernels.
 */
class FloatMathTest {
    /**
     * Divides the sample counts of the error sweeps: 1 by default, more in the forced-width runs
     * of simd/pom.xml, which repeat the sweeps at another width.
     */
    static final int SPARSER = Integer.getInteger("nabla.math.sparser", 1);

    interface Kernel {
        void apply(float[] src, int srcOff, float[] dst, int dstOff, int n);
    }

    /**
     * Each function with its array kernel, its vector method, its reference in double, its bound
     * and its main range.
     */
    enum Fn {
        EXP(FloatMath::exp, FloatMath::exp, StrictMath::exp, 1.0, -104f, 89f),
        LOG(FloatMath::log, FloatMath::log, StrictMath::log, 1.0, 0f, 4f),
        TANH(FloatMath::tanh, FloatMath::tanh, StrictMath::tanh, 2.0, -10f, 10f),
        SIGMOID(FloatMath::sigmoid, FloatMath::sigmoid, x -> 1 / (1 + StrictMath.exp(-x)), 2.5, -105f, 20f),
        /** The reference backend's erf, within about 1 ulp of double. */
        ERF(FloatMath::erf, FloatMath::erf, Erf::erf, 1.5, -4.5f, 4.5f);

        final Kernel kernel;
        final UnaryOperator<FloatVector> lanes;
        final DoubleUnaryOperator ref;
        final double maxUlp;
        final float lo;
        final float hi;

        Fn(Kernel kernel, UnaryOperator<FloatVector> lanes, DoubleUnaryOperator ref, double maxUlp, float lo,
                float hi) {
            this.kernel = kernel;
            this.lanes = lanes;
            this.ref = ref;
            this.maxUlp = maxUlp;
            this.lo = lo;
            this.hi = hi;
        }

        /** The array kernel over x, at this JVM's width. */
        float[] run(float[] x) {
            float[] y = new float[x.length];
            kernel.apply(x, 0, y, 0, x.length);
            return y;
        }

        /** The vector method over x with species s, the last partial vector masked. */
        float[] run(VectorSpecies<Float> s, float[] x) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i += s.length()) {
                VectorMask<Float> m = s.indexInRange(i, x.length);
                lanes.apply(FloatVector.fromArray(s, x, i, m)).intoArray(y, i, m);
            }
            return y;
        }
    }

    private static final VectorSpecies<Float>[] WIDTHS = widths();

    @SuppressWarnings("unchecked")
    private static VectorSpecies<Float>[] widths() {
        return new VectorSpecies[] {FloatVector.SPECIES_64, FloatVector.SPECIES_128, FloatVector.SPECIES_256,
            FloatVector.SPECIES_512};
    }

    /** Every stride-th bit pattern of the 2^32 floats: all exponents, both signs, subnormals, NaNs. */
    static float[] bitSweep(int stride) {
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
        float[] y = fn.run(x);
        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Ulps.ofFloat(y[i], fn.ref.applyAsDouble(x[i]));
            if (e > worst) {
                worst = e;
                worstX = x[i];
            }
        }
        System.out.printf("F32 %-7s %-30s n=%8d max %.3f ulp at x=%s (%d-bit)%n", fn, what, x.length, worst, worstX,
                SimdConfig.BITS);
        assertThat(worst).as("%s max ulp error over %s, worst at x=%s (%a)", fn, what, worstX, worstX)
                .isLessThanOrEqualTo(fn.maxUlp);
        return worst;
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOverAllExponents(Fn fn) {
        int stride = 1021 * SPARSER | 1;
        maxError(fn, bitSweep(stride), "1 in " + stride + " floats");
    }

    @ParameterizedTest
    @EnumSource(Fn.class)
    void withinBoundOnADenseGridOfTheMainRange(Fn fn) {
        maxError(fn, grid(fn.lo, fn.hi, 2_000_000 / SPARSER + 1), "grid [" + fn.lo + ", " + fn.hi + "]");
    }

    @Test
    void withinBoundNearTheInterestingPoints() {
        maxError(Fn.LOG, grid(0.5f, 2f, 1_000_000 / SPARSER + 1), "grid [0.5, 2] around 1");
        maxError(Fn.LOG, grid(0f, Float.MIN_NORMAL * 4, 1_000_000 / SPARSER + 1), "subnormal inputs");
        maxError(Fn.EXP, grid(-1e-3f, 1e-3f, 1_000_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.EXP, grid(-104f, -87f, 1_000_000 / SPARSER + 1), "subnormal results");
        maxError(Fn.EXP, around(88.72283935546875f), "overflow boundary");
        maxError(Fn.EXP, around(-103.972077f), "underflow boundary");
        maxError(Fn.EXP, around(-87.336544f), "normal / subnormal boundary");
        maxError(Fn.LOG, around(Float.MIN_NORMAL), "normal / subnormal boundary");
        maxError(Fn.LOG, around(Float.MAX_VALUE), "largest floats");
        maxError(Fn.SIGMOID, around(-103.972077f), "underflow boundary");
        maxError(Fn.TANH, grid(-1e-3f, 1e-3f, 1_000_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.TANH, grid(0.6f, 0.65f, 1_000_000 / SPARSER + 1), "polynomial / exp switch at 0.625");
        maxError(Fn.TANH, grid(8.5f, 10f, 100_000 / SPARSER + 1), "saturation");
        maxError(Fn.SIGMOID, grid(-1e-3f, 1e-3f, 1_000_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.ERF, grid(-1e-3f, 1e-3f, 1_000_000 / SPARSER + 1), "grid around 0");
        maxError(Fn.ERF, around(1f), "polynomial / rational switch at 1");
        maxError(Fn.ERF, grid(3.5f, 4.5f, 100_000 / SPARSER + 1), "saturation");
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
        check(Fn.ERF, new float[] {nan, inf, -inf, 0f, -0f, 4f, -4f, sub, Float.MAX_VALUE, -Float.MAX_VALUE},
                new float[] {nan, 1f, -1f, 0f, -0f, 1f, -1f, sub, 1f, -1f});
    }

    private static void check(Fn fn, float[] x, float[] expected) {
        checkBits(fn, x, fn.run(x), expected, SimdConfig.BITS + "-bit array kernel");
        for (VectorSpecies<Float> s : WIDTHS) {
            checkBits(fn, x, fn.run(s, x), expected, s.toString());
        }
    }

    private static void checkBits(Fn fn, float[] x, float[] y, float[] expected, String how) {
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToIntBits(y[i])).as("%s(%s) with %s: got %s, expected %s", fn, x[i], how, y[i],
                    expected[i]).isEqualTo(Float.floatToIntBits(expected[i]));
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
        // The reference: the vector method on 128-bit vectors (4 lanes).
        float[] body = Arrays.copyOfRange(x, 3, n + 3);
        float[] reference = fn.run(FloatVector.SPECIES_128, body);
        for (VectorSpecies<Float> s : WIDTHS) {
            assertThat(fn.run(s, body)).as("%s with %s", fn, s).isEqualTo(reference);
        }
        float[] expected = new float[n + 5];
        System.arraycopy(reference, 0, expected, 5, n);
        float[] y = new float[n + 5];
        fn.kernel.apply(x, 3, y, 5, n);
        assertThat(y).as("%s array kernel, %d-bit", fn, SimdConfig.BITS).isEqualTo(expected);
        // n = 1 to 17 at a time: every element goes through the masked tail at least once.
        y = new float[n + 5];
        for (int i = 0; i < n; ) {
            int len = Math.min(1 + i % 17, n - i);
            fn.kernel.apply(x, 3 + i, y, 5 + i, len);
            i += len;
        }
        assertThat(y).as("%s in tails only, %d-bit", fn, SimdConfig.BITS).isEqualTo(expected);
        // In place.
        float[] z = x.clone();
        fn.kernel.apply(z, 3, z, 3, n);
        assertThat(Arrays.copyOfRange(z, 3, n + 3)).as("%s in place", fn).isEqualTo(reference);
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
