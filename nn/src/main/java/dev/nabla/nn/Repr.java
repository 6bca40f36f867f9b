package dev.nabla.nn;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Settings written as Python writes them, so that a module's {@code extraRepr()} reads like
 * PyTorch's and a printed Nabla model can be compared with a printed {@code torch.nn} one.
 */
public final class Repr {
    private Repr() {
    }

    /** Python's {@code repr} of a float: {@code 1e-05}, {@code 0.1}, {@code 1.0}, {@code None} for null. */
    public static String number(Double value) {
        if (value == null) {
            return "None";
        }
        double v = value;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** {@code True} or {@code False}. */
    public static String bool(boolean value) {
        return value ? "True" : "False";
    }

    /** A Python tuple of ints: {@code (4,)}, {@code (3, 4)}. */
    public static String tuple(int[] values) {
        String inner = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + inner + (values.length == 1 ? ",)" : ")");
    }
}
