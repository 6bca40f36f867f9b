package dev.nabla.tests.golden;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The arguments of one golden case, keyed by the Java parameter names ({@code axis},
 * {@code keepDim}, {@code axes}, {@code scalar}, ...). Which keys are present selects the overload:
 * {@code sum} with no key is {@code sum()}, with {@code axis} only {@code sum(int)}.
 */
final class Args {
    private final String owner;
    private final Map<String, Object> values;

    /** {@code owner} names the case or prep step in error messages. */
    Args(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    int integer(String key) {
        double v = real(key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(owner + ": argument '" + key + "' must be an integer, got " + v);
        }
        return (int) v;
    }

    int[] ints(String key) {
        return FixtureReader.ints(get(key));
    }

    double real(String key) {
        return ((Number) get(key)).doubleValue();
    }

    boolean bool(String key) {
        return (Boolean) get(key);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(owner + ": missing argument '" + key + "'; it has " + values.keySet());
        }
        return values.get(key);
    }

    /** As the manifest wrote them, with integral numbers shown as integers ({@code axis=-1}, not {@code -1.0}). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(format(v)));
        return sb.append('}').toString();
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Args::format).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }
}
