package dev.nabla.tensor.reference;

/**
 * The error function {@code erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt} in double
 * precision, within about 1 ulp (1.08 measured against a 40-digit reference).
 *
 * <p>Two pieces, both fitted for Nabla with {@code tests/golden/fit_erf_coefficients.py}:
 * <ul>
 *   <li>|x| &lt; 1: {@code x + x R(x^2)}, R a degree-14 polynomial fitted to
 *       {@code erf(x)/x - 1}; the leading {@code x} is exact, so the polynomial's rounding
 *       error is scaled by |R| &lt; 0.13.</li>
 *   <li>1 &le; |x| &lt; 6: {@code 1 - exp(-x^2) P(|x|) / Q(|x|)}, P/Q a degree 7/8 rational
 *       fitted to {@code erfcx(x) = exp(x^2) erfc(x)} with relative error 1.7e-18; all its
 *       coefficients are positive, so neither polynomial cancels.</li>
 *   <li>|x| &ge; 6: ±1 (erfc(6) = 2.2e-17 is below half an ulp of 1).</li>
 * </ul>
 * erf(±0) = ±0, erf(±inf) = ±1, erf(NaN) = NaN. The SIMD backend's vector kernels use the same
 * pieces and coefficients.
 */
public final class Erf {
    /** R(z), highest degree first. */
    private static final double[] SMALL = {
        2.8067128195611264e-13, -6.1967364287877e-12, 9.323723518153027e-11, -1.2277734486795524e-09,
        1.4806027146128752e-08, -1.636576864883207e-07, 1.6462110782018636e-06, -1.4925650236967501e-05,
        0.00012055332978879483, -0.0008548327023403001, 0.005223977625441674, -0.026866170645131218,
        0.11283791670955126, -0.37612638903183754, 0.1283791670955126};
    /** P(x), highest degree first. */
    private static final double[] NUMERATOR = {
        0.0010150678856774011, 0.013450883577661823, 0.08768763261259437, 0.3542119321228946,
        0.9482467371565237, 1.6816648953269497, 1.846724977962102, 0.999999991898846};
    /** Q(x), highest degree first. */
    private static final double[] DENOMINATOR = {
        0.0017991609993268244, 0.023841069374327464, 0.1563218927098342, 0.6397442769108695,
        1.757542564870146, 3.282591024725016, 4.0387107947861915, 2.975104056916241, 1.0};
    /** Where the polynomial piece hands over to the rational one. */
    public static final double SMALL_LIMIT = 1.0;
    /** From here on, erf(x) rounds to 1. */
    public static final double SATURATION = 6.0;

    private Erf() {
    }

    /** erf(x) in double precision. */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double y;
        if (ax < SMALL_LIMIT) {
            y = Math.fma(ax, horner(SMALL, ax * ax), ax);
        } else if (ax < SATURATION) {
            y = 1 - Math.exp(-ax * ax) * horner(NUMERATOR, ax) / horner(DENOMINATOR, ax);
        } else {
            y = Double.isNaN(x) ? x : 1;
        }
        return Math.copySign(y, x);
    }

    private static double horner(double[] coefficients, double x) {
        double r = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            r = Math.fma(r, x, coefficients[i]);
        }
        return r;
    }
}
