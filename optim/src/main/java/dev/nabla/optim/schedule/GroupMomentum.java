package dev.nabla.optim.schedule;

import dev.nabla.optim.HyperparameterAccess;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.ParamGroup;
import java.util.List;

/**
 * A param group's momentum as {@link OneCycleLR} cycles it: the hyperparameter {@code momentum}
 * (SGD, RMSprop) or else {@code beta1} (Adam, AdamW), as PyTorch cycles {@code group['momentum']}
 * or {@code group['betas'][0]}.
 */
final class GroupMomentum {
    private static final List<String> NAMES = List.of("momentum", "beta1");

    private GroupMomentum() {
    }

    /** The name of the momentum hyperparameter of {@code options}, or null if it has none. */
    static String find(Hyperparameters<?> options) {
        return NAMES.stream().filter(n -> HyperparameterAccess.has(options, n)).findFirst().orElse(null);
    }

    /** The group's momentum; its options must have one ({@link #find}). */
    static double get(ParamGroup<?> group) {
        return HyperparameterAccess.get(group.options(), find(group.options()));
    }

    /**
     * Replaces the group's momentum from the next step on.
     *
     * @throws IllegalArgumentException if the optimizer rejects {@code value}
     */
    static void set(ParamGroup<?> group, double value) {
        replace(group, value);
    }

    private static <H extends Hyperparameters<H>> void replace(ParamGroup<H> group, double value) {
        group.setOptions(HyperparameterAccess.with(group.options(), find(group.options()), value));
    }
}
