package dev.nabla.optim;

import java.util.Map;

/**
 * One hyperparameter of any optimizer's record, by its state-dict name ({@code "momentum"},
 * {@code "beta1"}, {@code "weight_decay"}), for code that works with every optimizer, such as a
 * schedule that cycles the momentum. Replacing a value builds a new record through its canonical
 * constructor, which validates it.
 */
public final class HyperparameterAccess {
    private HyperparameterAccess() {
    }

    /** Whether {@code options} has a hyperparameter {@code name}. */
    public static boolean has(Hyperparameters<?> options, String name) {
        return HyperparameterCodec.encode(options).containsKey(name);
    }

    /**
     * The value of hyperparameter {@code name} (booleans as 0 or 1).
     *
     * @throws IllegalArgumentException listing the names there are, if there is no such hyperparameter
     */
    public static double get(Hyperparameters<?> options, String name) {
        return values(options, name).get(name);
    }

    /**
     * {@code options} with hyperparameter {@code name} replaced by {@code value}.
     *
     * @throws IllegalArgumentException if there is no such hyperparameter, or the record rejects
     *                                  {@code value}
     */
    public static <H extends Hyperparameters<H>> H with(H options, String name, double value) {
        Map<String, Double> values = values(options, name);
        values.put(name, value);
        return HyperparameterCodec.decode(options.getClass(), values);
    }

    private static Map<String, Double> values(Hyperparameters<?> options, String name) {
        Map<String, Double> values = HyperparameterCodec.encode(options);
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(options.getClass().getSimpleName() + ": no hyperparameter '" + name
                    + "'; it has " + values.keySet());
        }
        return values;
    }
}
