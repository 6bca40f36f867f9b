package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an update rule returns: the parameter's new value and its new state tensors. The rule
 * itself modifies nothing; {@link Optimizer#step()} writes the parameter and keeps the state.
 *
 * @param param the new parameter value, of the parameter's shape and dtype
 * @param state the new state tensors by name, in order (copied; may be empty)
 */
public record Updated(Tensor param, Map<String, Tensor> state) {
    public Updated {
        state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
