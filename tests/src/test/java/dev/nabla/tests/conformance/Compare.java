package dev.nabla.tests.conformance;

import org.opentest4j.AssertionFailedError;

/** Element-by-element comparison that reports the first disagreement with its index. */
final class Compare {
    private Compare() {
    }

    static void exact(String what, double[] got, double[] want) {
        close(what, got, want, Tolerance.EXACT);
    }

    static void close(String what, double[] got, double[] want, Tolerance tol) {
        if (got.length != want.length) {
            throw new AssertionFailedError(what + ": " + got.length + " elements, expected " + want.length);
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < got.length; i++) {
            if (!agree(got[i], want[i], tol)) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw new AssertionFailedError(what + ": " + bad + " of " + got.length + " elements differ; first at "
                    + first + ": got " + got[first] + ", reference " + want[first] + " (tolerance abs " + tol.abs()
                    + ", rel " + tol.rel() + ")");
        }
    }

    private static boolean agree(double got, double want, Tolerance tol) {
        if (Double.isNaN(want) || Double.isNaN(got)) {
            return Double.isNaN(want) && Double.isNaN(got);
        }
        if (Double.isInfinite(want) || Double.isInfinite(got)) {
            return got == want;
        }
        if (tol.equals(Tolerance.EXACT) && want == 0) {
            return Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want); // -0.0 is not 0.0
        }
        return Math.abs(got - want) <= tol.abs() + tol.rel() * Math.abs(want);
    }
}
