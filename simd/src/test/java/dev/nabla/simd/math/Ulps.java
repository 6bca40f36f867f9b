package dev.nabla.simd.math;

import java.math.BigDecimal;

/** Error of a result in units in the last place of the exact value's binade. */
final class Ulps {
    private Ulps() {
    }

    /**
     * ulps between a float result and a reference held in double (29 more bits, so the
     * reference's own error is negligible). Infinite results count as exact when the reference
     * rounds to the same infinity and as {@code Double.POSITIVE_INFINITY} otherwise.
     */
    static double ofFloat(float got, double ref) {
        if (Float.isNaN(got) || Double.isNaN(ref)) {
            return Float.isNaN(got) && Double.isNaN(ref) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Float.isInfinite(got) || Float.isInfinite((float) ref)) {
            return got == (float) ref ? 0 : Double.POSITIVE_INFINITY;
        }
        double a = Math.abs(ref);
        float binade = (float) a;
        if (binade > a) {
            binade = Math.nextDown(binade);
        }
        return Math.abs(got - ref) / Math.ulp(binade);
    }

    /** ulps between a double result and an exact reference; infinities as in the float case. */
    static double ofDouble(double got, BigDecimal ref) {
        double rounded = ref.doubleValue();
        if (Double.isNaN(got) || Double.isInfinite(got) || Double.isInfinite(rounded)) {
            return got == rounded ? 0 : Double.POSITIVE_INFINITY;
        }
        BigDecimal a = ref.abs();
        double binade = a.doubleValue();
        if (new BigDecimal(binade).compareTo(a) > 0) {
            binade = Math.nextDown(binade);
        }
        return new BigDecimal(got).subtract(ref).abs().divide(new BigDecimal(Math.ulp(binade)), BigRef.MC)
                .doubleValue();
    }
}
