package dev.nabla.tensor.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats the elements of one tensor with a common style and column width, chosen from the
 * values that will be printed, by PyTorch's rules for floating tensors:
 *
 * <ul>
 *   <li>integer mode ({@code 1.}, {@code -20.}) when every non-zero finite value is integral;
 *   <li>scientific mode ({@code 1.2346e+05}) when, over the non-zero finite magnitudes,
 *       max / min &gt; 1000 or max &gt; 1e8, or (outside integer mode) min &lt; 1e-4;
 *   <li>otherwise fixed mode with {@code precision} decimals ({@code 0.1250}).
 * </ul>
 *
 * Zeros, NaN and infinities do not take part in the choice. Digits are the exact binary value
 * rounded half-to-even, as Python's {@code format} does; {@code String.format} would round the
 * shortest decimal representation instead and disagree on ties such as 1.03125.
 */
final class ElementFormatter {
    private enum Mode { INTEGER, FIXED, SCIENTIFIC }

    private final int precision;
    private final Mode mode;
    private final int width;

    /** @param values the values that will be printed (after any summarization) */
    ElementFormatter(double[] values, int precision) {
        this.precision = precision;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean integral = true;
        for (double v : values) {
            if (v != 0 && Double.isFinite(v)) {
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                integral &= v == Math.ceil(v);
            }
        }
        if (max == 0) {
            // Nothing but zeros and non-finite values: PyTorch keeps integer mode and width 1.
            mode = Mode.INTEGER;
            width = 1;
            return;
        }
        boolean wideRange = max / min > 1000.0 || max > 1.0e8;
        if (wideRange || (!integral && min < 1.0e-4)) {
            mode = Mode.SCIENTIFIC;
        } else {
            mode = integral ? Mode.INTEGER : Mode.FIXED;
        }
        int w = 1;
        for (double v : values) {
            if (v != 0 && Double.isFinite(v)) {
                w = Math.max(w, unpadded(v).length());
            }
        }
        width = w;
    }

    /** Column width: the longest formatted non-zero finite value. */
    int width() {
        return width;
    }

    /** {@code v} formatted and left-padded with spaces to {@link #width()}. */
    String format(double v) {
        String s = unpadded(v);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private String unpadded(double v) {
        return switch (mode) {
            case SCIENTIFIC -> scientific(v, precision);
            // The trailing point marks a floating tensor; nan and inf get none.
            case INTEGER -> Double.isFinite(v) ? fixed(v, 0) + "." : fixed(v, 0);
            case FIXED -> fixed(v, precision);
        };
    }

    /** Python's {@code format(v, '.{decimals}f')}. */
    static String fixed(double v, int decimals) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        return sign(v) + new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's {@code format(v, '.{precision}e')}: a mantissa, then e, a sign and at least two exponent digits. */
    static String scientific(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        String digits;
        int exponent;
        if (v == 0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
        }
        // An exactly short value such as 0.5 comes back with fewer digits than asked for.
        digits = digits + "0".repeat(precision + 1 - digits.length());
        StringBuilder sb = new StringBuilder(sign(v)).append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, precision + 1);
        }
        String exp = Integer.toString(Math.abs(exponent));
        return sb.append(exponent < 0 ? "e-" : "e+").append(exp.length() < 2 ? "0" + exp : exp).toString();
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** BigDecimal has no negative zero, so the sign is taken from the bits: -0.0 prints as -0. */
    private static String sign(double v) {
        return Double.doubleToRawLongBits(v) < 0 ? "-" : "";
    }
}
