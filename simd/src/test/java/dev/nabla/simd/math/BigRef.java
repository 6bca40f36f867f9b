package dev.nabla.simd.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Reference values to about 40 significant digits with {@link BigDecimal}, for measuring double
 * kernels in ulps (StrictMath itself may be off by up to one ulp). Slow: tens of microseconds a
 * call, so use it on samples of tens of thousands of points.
 */
final class BigRef {
    private BigRef() {
    }

    static final MathContext MC = new MathContext(45, RoundingMode.HALF_EVEN);
    private static final BigDecimal EPS = new BigDecimal("1e-50");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal E = expSeries(BigDecimal.ONE);
    static final BigDecimal LN2 = log1pSeries(BigDecimal.ONE);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534");

    /** e^x; x must lie in [-800, 800]. */
    static BigDecimal exp(double x) {
        BigDecimal bx = new BigDecimal(x);
        long n = Math.round(x);
        BigDecimal f = bx.subtract(BigDecimal.valueOf(n));
        BigDecimal en = E.pow((int) n, MC);
        return en.multiply(expSeries(f), MC);
    }

    /** ln(x) for a finite x > 0. */
    static BigDecimal log(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) { // subnormal
            e = Math.getExponent(x * 0x1p60) - 60;
        }
        BigDecimal m = new BigDecimal(x).divide(pow2(e), MC); // exact: a power of two
        if (m.compareTo(new BigDecimal("1.5")) > 0) {
            m = m.divide(TWO, MC);
            e++;
        }
        return BigDecimal.valueOf(e).multiply(LN2, MC).add(log1pSeries(m.subtract(BigDecimal.ONE)), MC);
    }

    /** tanh(x) for finite x. */
    static BigDecimal tanh(double x) {
        if (Math.abs(x) > 50) {
            return BigDecimal.valueOf(Math.signum(x));
        }
        BigDecimal em1 = expm1Series(new BigDecimal(x).multiply(TWO));
        return em1.divide(em1.add(TWO), MC);
    }

    /** 1 / (1 + e^-x) for finite x. */
    static BigDecimal sigmoid(double x) {
        if (x < -800) {
            return BigDecimal.ZERO;
        }
        if (x > 800) {
            return BigDecimal.ONE;
        }
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(-x)), MC);
    }

    /** erf(x) for finite x, by its Taylor series (exact to 45 digits for |x| &lt;= 6.5, ±1 beyond). */
    static BigDecimal erf(double x) {
        if (Math.abs(x) > 6.5) {
            return BigDecimal.valueOf(Math.signum(x)); // erfc(6.5) = 3.8e-20
        }
        // The terms grow to about e^(x^2) = 1e18 before they shrink: 20 more digits absorb that.
        MathContext wide = new MathContext(MC.getPrecision() + 20, RoundingMode.HALF_EVEN);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal x2 = bx.multiply(bx, wide).negate();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal power = bx; // (-1)^k x^(2k+1) / k!
        for (int k = 0; k < 1000; k++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), wide);
            sum = sum.add(term, wide);
            if (k > 0 && term.abs().compareTo(EPS.multiply(sum.abs())) < 0) {
                break;
            }
            power = power.multiply(x2, wide).divide(BigDecimal.valueOf(k + 1), wide);
        }
        return sum.multiply(TWO, wide).divide(PI.sqrt(wide), MC);
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 ? TWO.pow(e) : BigDecimal.ONE.divide(TWO.pow(-e)); // exact
    }

    private static BigDecimal expSeries(BigDecimal f) {
        return BigDecimal.ONE.add(expm1Series(f), MC);
    }

    /** e^y - 1 by its Taylor series; no cancellation for small y. Needs |y| &lt;= 2 or so. */
    private static BigDecimal expm1Series(BigDecimal y) {
        if (y.abs().compareTo(TWO) > 0) {
            return expSeries(y.divide(TWO, MC)).pow(2, MC).subtract(BigDecimal.ONE, MC);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 200; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(EPS.multiply(sum.abs())) < 0) {
                break;
            }
        }
        return sum;
    }

    /** ln(1 + f) = 2 atanh(f / (2 + f)); f in [-0.25, 1]. */
    private static BigDecimal log1pSeries(BigDecimal f) {
        if (f.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = f.divide(f.add(TWO), MC);
        BigDecimal s2 = s.multiply(s, MC);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal pow = s;
        for (int k = 0; k < 400; k++) {
            BigDecimal term = pow.divide(BigDecimal.valueOf(2L * k + 1), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(EPS.multiply(sum.abs())) < 0) {
                break;
            }
            pow = pow.multiply(s2, MC);
        }
        return sum.multiply(TWO, MC);
    }
}
