package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule stepped once per epoch (or batch) without arguments: the
 * {@link LRScheduler}s and their combinations {@link ChainedScheduler} and {@link SequentialLR}.
 */
public interface Scheduler {
    /** Moves the schedule one epoch on and sets the learning rate of every param group. */
    void step();

    /** The learning rate of each param group as this scheduler last set it (PyTorch's {@code get_last_lr()}). */
    List<Double> getLastLr();

    /** The optimizer whose learning rates this scheduler sets. */
    Optimizer<?> optimizer();

    /**
     * Everything needed to resume the schedule exactly, as a flat map of rank-0 and rank-1 F64
     * tensors that {@code Safetensors} can store: {@code scheduler.<type>} (the format version),
     * the progress ({@code last_epoch}, {@code base_lrs}, {@code last_lr}, ...) and the settings
     * ({@code step_size}, {@code gamma}, ...). The learning rates themselves live in the
     * optimizer's state dict: save and load both.
     */
    Map<String, Tensor> stateDict();

    /**
     * Restores the progress from a {@link #stateDict()} of a scheduler of the same type and
     * settings over an optimizer with as many param groups. Everything is checked first: on error
     * nothing changes.
     *
     * @throws IllegalArgumentException listing what does not match: another scheduler type, other
     *                                  settings, a missing or unexpected key, a wrong shape
     */
    void loadStateDict(Map<String, Tensor> stateDict);
}
