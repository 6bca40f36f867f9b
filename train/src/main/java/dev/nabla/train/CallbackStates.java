package dev.nabla.train;

import dev.nabla.autodiff.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callbacks' state dicts in one flat map for a checkpoint: each callback's entries under
 * {@code <type>.<n>.}, where {@code <type>} is its class's simple name and {@code n} counts the
 * callbacks of that type before it (so {@code EarlyStopping.0.best}). A resumed fit matches the
 * callbacks it is given by the same keys, whatever else their order.
 */
final class CallbackStates {
    private CallbackStates() {
    }

    /** Every callback's {@link Callback#stateDict()} under its prefix. */
    static Map<String, Tensor> collect(List<Callback> callbacks) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Callback c : callbacks) {
            String prefix = prefix(c, seen);
            c.stateDict().forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    /**
     * Hands each callback the entries under its prefix, if there are any; entries of callbacks
     * not given are ignored (a resumed fit may leave out a progress bar, or an early stopping).
     */
    static void restore(List<Callback> callbacks, Map<String, Tensor> state) {
        Map<String, Integer> seen = new HashMap<>();
        for (Callback c : callbacks) {
            String prefix = prefix(c, seen);
            Map<String, Tensor> own = new LinkedHashMap<>();
            state.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    own.put(k.substring(prefix.length()), v);
                }
            });
            if (!own.isEmpty()) {
                c.loadStateDict(own);
            }
        }
    }

    private static String prefix(Callback c, Map<String, Integer> seen) {
        String type = c.getClass().getSimpleName();
        int n = seen.merge(type, 1, Integer::sum) - 1;
        return type + "." + n + ".";
    }
}
