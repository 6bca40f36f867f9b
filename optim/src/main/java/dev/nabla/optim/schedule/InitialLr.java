package dev.nabla.optim.schedule;

import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The learning rate each param group had when its first scheduler was made (PyTorch's
 * {@code group['initial_lr']}). Schedulers take their base learning rates from it, so a decay made
 * after a warm-up scheduler (which already lowered the rate) still decays from the original rate,
 * and {@link SequentialLR} can restore it. {@link ParamGroup} has no slot for it, so it is kept
 * here, by group identity and weakly: a group that is no longer used is forgotten.
 */
final class InitialLr {
    private static final Map<ParamGroup<?>, Double> BY_GROUP = Collections.synchronizedMap(new WeakHashMap<>());

    private InitialLr() {
    }

    /** Each group's initial learning rate, recording its current one for a group seen for the first time. */
    static double[] setDefault(Optimizer<?> optimizer) {
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = BY_GROUP.computeIfAbsent(groups.get(g), ParamGroup::lr);
        }
        return out;
    }

    /** Replaces the initial learning rate of {@code group} (as {@link OneCycleLR} does). */
    static void set(ParamGroup<?> group, double lr) {
        BY_GROUP.put(group, lr);
    }

    /** The initial learning rate of {@code group}, or its current one if no scheduler was made for it. */
    static double get(ParamGroup<?> group) {
        return BY_GROUP.getOrDefault(group, group.lr());
    }
}
