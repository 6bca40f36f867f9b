package dev.nabla.train;

import java.util.Locale;

/** How metric values are shown to people (progress lines, reports): one rule everywhere. */
public final class Formats {
    private Formats() {
    }

    /**
     * Four decimals for ordinary magnitudes ({@code 0.2345}), scientific notation below 0.001 or
     * from 100000 on ({@code 1.235e-05}); {@code NaN} as such.
     */
    public static String metric(double v) {
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
