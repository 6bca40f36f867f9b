package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an optimizer keeps for one parameter: the number of steps taken and named tensors such as
 * Adam's {@code exp_avg} and {@code exp_avg_sq} (PyTorch's names), usually of the parameter's
 * shape. Immutable: each step replaces the parameter's state with a new one, so a state read
 * before a step still holds the values of that moment.
 */
public final class ParamState {
    private final long step;
    private final Map<String, Tensor> tensors;

    /**
     * @param step    steps taken, {@code >= 0}
     * @param tensors the state tensors by name, in the order state dicts list them (copied)
     */
    public ParamState(long step, Map<String, Tensor> tensors) {
        if (step < 0) {
            throw new IllegalArgumentException("ParamState: step " + step + " must be >= 0");
        }
        this.step = step;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The number of steps this parameter has taken (1 during and after its first step). */
    public long step() {
        return step;
    }

    /**
     * The state tensor {@code name}.
     *
     * @throws IllegalArgumentException listing the names there are, if there is no such tensor
     */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("ParamState: no state tensor '" + name + "'; this state has "
                    + tensors.keySet());
        }
        return t;
    }

    /** The state tensor {@code name}, or null if there is none (SGD's momentum buffer before the first step). */
    public Tensor find(String name) {
        return tensors.get(name);
    }

    /** The names of the state tensors, in order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** The state tensors by name (unmodifiable). */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** For example {@code ParamState[step=3, exp_avg [8, 4], exp_avg_sq [8, 4]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParamState[step=").append(step);
        tensors.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v.shape()));
        return sb.append(']').toString();
    }
}
