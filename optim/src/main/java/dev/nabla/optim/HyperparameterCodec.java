package dev.nabla.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Hyperparameters} record into named numbers for a state dict and back, through
 * the record's components, so an optimizer's options need no serialisation code of their own.
 * Names are the components' names in snake case; booleans are 0 or 1.
 */
final class HyperparameterCodec {
    private static final List<Class<?>> SUPPORTED =
            List.of(double.class, float.class, int.class, long.class, boolean.class);

    private HyperparameterCodec() {
    }

    /**
     * Checks that {@code type} is a record of supported components.
     *
     * @throws IllegalArgumentException naming the optimizer and the offending component
     */
    static void requireEncodable(String optimizer, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(optimizer + ": hyperparameters " + type.getName()
                    + " must be a record, so state dicts can store and restore them");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (!SUPPORTED.contains(c.getType())) {
                throw new IllegalArgumentException(optimizer + ": hyperparameter " + c.getName() + " of "
                        + type.getSimpleName() + " has type " + c.getType().getSimpleName()
                        + "; state dicts store only double, float, int, long and boolean components");
            }
        }
    }

    /** Every component by snake-case name, in declaration order. */
    static Map<String, Double> encode(Hyperparameters<?> options) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RecordComponent c : options.getClass().getRecordComponents()) {
            Object value = read(c, options);
            out.put(snakeCase(c.getName()), value instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) value).doubleValue());
        }
        return out;
    }

    /** The snake-case names of {@code type}'s components, in declaration order. */
    static List<String> names(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> snakeCase(c.getName())).toList();
    }

    /**
     * A record of {@code type} built from {@code values} (which must hold every name of
     * {@link #names}); its constructor validates them.
     *
     * @throws IllegalArgumentException if a value does not fit its component (a fraction for an
     *                                  int, anything but 0 or 1 for a boolean) or fails validation
     */
    static <H extends Hyperparameters<H>> H decode(Class<?> type, Map<String, Double> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(components[i], values.get(snakeCase(components[i].getName())));
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            @SuppressWarnings("unchecked")
            H built = (H) constructor.newInstance(args);
            return built;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(type.getName() + ": constructor failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + ": cannot call the canonical constructor", e);
        }
    }

    private static Object convert(RecordComponent c, double v) {
        Class<?> t = c.getType();
        if (t == double.class) {
            return v;
        }
        if (t == float.class) {
            return (float) v;
        }
        if (t == boolean.class) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("hyperparameter " + snakeCase(c.getName()) + " = " + v
                        + " must be 0 or 1 (a boolean)");
            }
            return v == 1;
        }
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("hyperparameter " + snakeCase(c.getName()) + " = " + v
                    + " must be an integer");
        }
        return t == int.class ? (Object) (int) v : (Object) (long) v;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getClass().getName() + ": cannot read " + c.getName(), e);
        }
    }

    /** {@code weightDecay} to {@code weight_decay}; {@code beta1} stays. */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
