package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs schedulers one after another, switching at milestone epochs, as PyTorch's
 * {@code SequentialLR}: typically a warm-up ({@link LinearLR}) and then a decay. Constructing
 * restores each group's initial learning rate and replays the first scheduler's epoch 0; at a
 * milestone the next scheduler starts at its epoch 0 by its closed form, from the base learning
 * rate.
 *
 * <pre>{@code
 * LinearLR warmUp = new LinearLR(optimizer, 0.1, 1.0, 5);
 * CosineAnnealingLR decay = new CosineAnnealingLR(optimizer, 95);
 * SequentialLR schedule = new SequentialLR(optimizer, List.of(warmUp, decay), 5);
 * }</pre>
 */
public final class SequentialLR implements Scheduler {
    private static final String NAME = "SequentialLR";
    private final Optimizer<?> optimizer;
    private final List<LRScheduler> schedulers;
    private final int[] milestones;
    private int lastEpoch;
    private double[] lastLr;

    /**
     * @param schedulers the schedulers, in order, all of {@code optimizer}
     * @param milestones the epochs at which each scheduler after the first takes over: one fewer
     *                   than the schedulers, increasing, each {@code >= 1}
     * @throws IllegalArgumentException if the schedulers belong to another optimizer or the
     *                                  milestones do not fit them
     */
    public SequentialLR(Optimizer<?> optimizer, List<? extends LRScheduler> schedulers, int... milestones) {
        this.optimizer = Objects.requireNonNull(optimizer, NAME + ": optimizer");
        if (Checks.sameOptimizer(NAME, schedulers) != optimizer) {
            throw new IllegalArgumentException(NAME + ": the schedulers belong to another optimizer than the one"
                    + " given");
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException(NAME + ": " + schedulers.size() + " schedulers need "
                    + (schedulers.size() - 1) + " milestones, got " + milestones.length + " "
                    + Arrays.toString(milestones));
        }
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException(NAME + ": milestones " + Arrays.toString(milestones)
                        + " must be increasing epochs >= 1");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        for (ParamGroup<?> group : optimizer.paramGroups()) {
            group.setLr(group.initialLr());
        }
        this.schedulers.forEach(LRScheduler::rewind);
        this.schedulers.get(0).step();
        this.lastLr = Checks.lrs(optimizer);
    }

    /** Moves one epoch on with the scheduler whose turn it is; at a milestone it starts at its epoch 0. */
    @Override
    public void step() {
        lastEpoch++;
        int index = (int) Arrays.stream(milestones).filter(m -> m <= lastEpoch).count();
        LRScheduler current = schedulers.get(index);
        if (index > 0 && milestones[index - 1] == lastEpoch) {
            current.step(0);
        } else {
            current.step();
        }
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

    /** The epoch the sequence is at: 0 after construction. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * {@code scheduler.SequentialLR}, {@code last_epoch}, {@code last_lr} {@code [groups]},
     * {@code milestones} and each scheduler's entries under {@code schedulers.<i>.}.
     */
    @Override
    public Map<String, Tensor> stateDict() {
        return new SchedulerState.Writer(NAME).put("last_epoch", lastEpoch).put("last_lr", lastLr)
                .put("milestones", Arrays.stream(milestones).asDoubleStream().toArray())
                .putChildren(schedulers).build();
    }

    @Override
    public void loadStateDict(Map<String, Tensor> stateDict) {
        SchedulerState.Reader r = new SchedulerState.Reader(NAME, Objects.requireNonNull(stateDict, "stateDict"));
        int epoch = r.integer("last_epoch", 0);
        double[] last = r.vector("last_lr", lastLr.length);
        r.setting("milestones", SchedulerState.vector(Arrays.stream(milestones).asDoubleStream().toArray()));
        Runnable children = r.children(schedulers);
        r.finish();
        lastEpoch = epoch;
        lastLr = last;
        children.run();
    }

    /** For example {@code SequentialLR[LinearLR(...), CosineAnnealingLR(...)] at epoch 7, milestones [5]}. */
    @Override
    public String toString() {
        return NAME + schedulers + " at epoch " + lastEpoch + ", milestones " + Arrays.toString(milestones);
    }
}
