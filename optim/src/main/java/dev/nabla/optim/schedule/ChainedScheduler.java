package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Steps several schedulers of one optimizer together, as PyTorch's {@code ChainedScheduler}: each
 * multiplies the learning rate by its own factor through its chainable form, so their effects
 * combine (a constant warm-up times an exponential decay, say). Construct the schedulers in the
 * order they should apply.
 */
public final class ChainedScheduler implements Scheduler {
    private static final String NAME = "ChainedScheduler";
    private final Optimizer<?> optimizer;
    private final List<LRScheduler> schedulers;
    private double[] lastLr;

    /**
     * @param schedulers the schedulers to step, in order, all of one optimizer
     * @throws IllegalArgumentException if there are none or they belong to different optimizers
     */
    public ChainedScheduler(List<? extends LRScheduler> schedulers) {
        this.optimizer = Checks.sameOptimizer(NAME, schedulers);
        this.schedulers = List.copyOf(schedulers);
        this.lastLr = Checks.lrs(optimizer);
    }

    /** Steps every scheduler once, in order. */
    @Override
    public void step() {
        schedulers.forEach(LRScheduler::step);
        lastLr = Checks.lrs(optimizer);
    }

    @Override
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(Arrays.stream(lastLr).boxed().toList());
    }

    @Override
    public Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The chained schedulers, in order. */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /**
     * {@code scheduler.ChainedScheduler}, {@code last_lr} {@code [groups]} and each scheduler's
     * entries under {@code schedulers.<i>.}.
     */
    @Override
    public Map<String, Tensor> stateDict() {
        return new SchedulerState.Writer(NAME).put("last_lr", lastLr).putChildren(schedulers).build();
    }

    @Override
    public void loadStateDict(Map<String, Tensor> stateDict) {
        SchedulerState.Reader r = new SchedulerState.Reader(NAME, Objects.requireNonNull(stateDict, "stateDict"));
        double[] last = r.vector("last_lr", lastLr.length);
        Runnable children = r.children(schedulers);
        r.finish();
        lastLr = last;
        children.run();
    }

    /** For example {@code ChainedScheduler[ConstantLR(epoch 3, ...), ExponentialLR(epoch 3, ...)]}. */
    @Override
    public String toString() {
        return NAME + schedulers;
    }
}
