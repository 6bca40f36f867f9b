package dev.nabla.train.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" values, multiples of 1, 2 or 5 times a power of ten (Heckbert's
 * labelling), and their labels with as many decimals as the step needs.
 *
 * @param min   the first tick, at or below the data's minimum
 * @param max   the last tick, at or above the data's maximum
 * @param step  the distance between ticks
 */
record Ticks(double min, double max, double step) {

    /**
     * About {@code count} ticks covering {@code [low, high]}; an empty or single-valued range is
     * widened around its value first.
     *
     * @param integers whether the step must be a whole number (epochs)
     */
    static Ticks covering(double low, double high, int count, boolean integers) {
        if (!(high > low)) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = nice((high - low) / Math.max(1, count - 1));
        if (integers) {
            step = Math.max(1, Math.round(step));
        }
        return new Ticks(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
    }

    /** The nearest of 1, 2, 5 and 10 times a power of ten to {@code x > 0}. */
    static double nice(double x) {
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        double f = x / power;
        double niceFraction = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return niceFraction * power;
    }

    /** The tick values from {@link #min} to {@link #max}. */
    List<Double> values() {
        List<Double> out = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            out.add(min + i * step);
        }
        return out;
    }

    /** {@code value} with the decimals the step needs, e.g. {@code 0.25} for a step of 0.05. */
    String label(double value) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value + 0.0);
    }
}
