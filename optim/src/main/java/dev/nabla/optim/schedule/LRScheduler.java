package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A schedule of the learning rate over epochs, as PyTorch 1.13's {@code _LRScheduler}. Making a
 * scheduler records each param group's initial learning rate (shared by all schedulers of the
 * group: see {@link #baseLr}) and takes the first step, to epoch 0; then call {@link #step()}
 * once per epoch, after the optimizer's steps:
 *
 * <pre>{@code
 * StepLR schedule = new StepLR(optimizer, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(...);          // optimizer.step() for each batch
 *     schedule.step();
 * }
 * }</pre>
 *
 * <p>A subclass gives the schedule in PyTorch's two forms: {@link #chainableLr}, from the
 * group's current learning rate (so several schedulers on one optimizer multiply their effects),
 * and optionally {@link #closedFormLr}, from the base learning rate alone, which
 * {@link #step(int)} uses. The two agree when this scheduler alone sets the learning rate (up to
 * rounding, which PyTorch has too). A subclass constructor validates its settings and calls
 * {@link #initialStep()} as its last statement.
 */
public abstract class LRScheduler implements Scheduler {
    private final String name;
    private final Optimizer<?> optimizer;
    private double[] baseLrs;
    private int lastEpoch = -1;
    private double[] lastLr;

    /**
     * @param name      the scheduler's name in messages and state dicts, e.g. {@code "StepLR"}
     * @param optimizer the optimizer whose param groups' learning rates this scheduler sets
     */
    protected LRScheduler(String name, Optimizer<?> optimizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.optimizer = Objects.requireNonNull(optimizer, name + ": optimizer");
    }

    // ---- what a subclass provides ----

    /**
     * The learning rate of param group {@code group} at {@link #lastEpoch()} from its current
     * learning rate {@code lr}: PyTorch's {@code get_lr()}.
     */
    protected abstract double chainableLr(int group, double lr);

    /**
     * The learning rate of param group {@code group} at {@link #lastEpoch()} from its base learning
     * rate alone: PyTorch's {@code _get_closed_form_lr()}. This default is the chainable form, as
     * in PyTorch for schedulers that have no closed form.
     *
     * @param lr the group's current learning rate
     */
    protected double closedFormLr(int group, double lr) {
        return chainableLr(group, lr);
    }

    /**
     * The settings that define the schedule, by PyTorch's names (for example {@code step_size} and
     * {@code gamma}), stored in the state dict and compared when it is loaded. Booleans and enums
     * are stored as numbers, as their Javadoc says. Build it with {@link #settingsOf}.
     */
    protected abstract Map<String, Tensor> settings();

    /**
     * Records each group's initial learning rate and takes the first step, to epoch 0: the last
     * statement of every subclass constructor.
     */
    protected final void initialStep() {
        baseLrs = optimizer.paramGroups().stream().mapToDouble(ParamGroup::recordInitialLr).toArray();
        step();
    }

    // ---- stepping ----

    /** Moves to the next epoch by the chainable form and sets every group's learning rate. */
    @Override
    public void step() {
        moveTo(lastEpoch + 1, false);
    }

    /**
     * Jumps to {@code epoch} by the closed form (PyTorch's deprecated {@code step(epoch)}) and
     * sets every group's learning rate; later {@link #step()} calls go on from there.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    public void step(int epoch) {
        Checks.atLeast(name + ".step", "epoch", epoch, 0);
        moveTo(epoch, true);
    }

    private void moveTo(int epoch, boolean closedForm) {
        List<? extends ParamGroup<?>> groups = groups();
        int previous = lastEpoch;
        lastEpoch = epoch;
        double[] lrs = new double[groups.size()];
        try {
            for (int g = 0; g < lrs.length; g++) {
                double lr = groups.get(g).lr();
                lrs[g] = closedForm ? closedFormLr(g, lr) : chainableLr(g, lr);
            }
        } catch (RuntimeException e) {
            lastEpoch = previous;
            throw e;
        }
        for (int g = 0; g < lrs.length; g++) {
            groups.get(g).setLr(lrs[g]);
        }
        lastLr = lrs;
    }

    /** Steps back one epoch without touching the learning rates ({@link SequentialLR} replays a schedule). */
    final void rewind() {
        lastEpoch--;
    }

    private List<? extends ParamGroup<?>> groups() {
        return baseLrs == null ? optimizer.paramGroups() : Checks.groups(name, optimizer, baseLrs.length);
    }

    // ---- what the schedule is at ----

    /** The scheduler's name, as in messages and state dicts ({@code "StepLR"}). */
    public final String name() {
        return name;
    }

    @Override
    public final Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The epoch the schedule is at: 0 after construction, then one more per {@link #step()}. */
    public final int lastEpoch() {
        return lastEpoch;
    }

    /** The learning rate group {@code group} had when its first scheduler was made (the schedule's peak). */
    public final double baseLr(int group) {
        return baseLrs[group];
    }

    @Override
    public final List<Double> getLastLr() {
        return Collections.unmodifiableList(Arrays.stream(lastLr).boxed().toList());
    }

    // ---- state dicts ----

    /**
     * {@code scheduler.<name>}, {@code base_lrs} {@code [groups]}, {@code last_epoch},
     * {@code last_lr} {@code [groups]}, the {@link #settings()} and any further progress of the
     * subclass; see {@link Scheduler#stateDict()}.
     */
    @Override
    public final Map<String, Tensor> stateDict() {
        SchedulerState.Writer w = new SchedulerState.Writer(name)
                .put("base_lrs", baseLrs).put("last_epoch", lastEpoch).put("last_lr", lastLr);
        settings().forEach(w::put);
        writeProgress(w);
        return w.build();
    }

    @Override
    public final void loadStateDict(Map<String, Tensor> stateDict) {
        prepareLoad(stateDict).run();
    }

    /**
     * Checks {@code stateDict} and returns what restores it, so schedulers made of others can
     * check all of their parts before changing any.
     *
     * @throws IllegalArgumentException listing every problem
     */
    final Runnable prepareLoad(Map<String, Tensor> stateDict) {
        SchedulerState.Reader r = new SchedulerState.Reader(name, Objects.requireNonNull(stateDict, "stateDict"));
        int groups = baseLrs.length;
        double[] base = r.vector("base_lrs", groups);
        int epoch = r.integer("last_epoch", 0);
        double[] last = r.vector("last_lr", groups);
        settings().forEach(r::setting);
        Runnable progress = readProgress(r);
        r.finish();
        return () -> {
            baseLrs = base;
            lastEpoch = epoch;
            lastLr = last;
            progress.run();
        };
    }

    /** Writes progress beyond the epoch (none by default). */
    void writeProgress(SchedulerState.Writer w) {
    }

    /** Reads what {@link #writeProgress} wrote; the result restores it once everything was checked. */
    Runnable readProgress(SchedulerState.Reader r) {
        return () -> { };
    }

    /**
     * Settings for {@link #settings()} from names and values, in order: a number becomes a rank-0
     * F64 tensor, a {@code double[]} (a value per group) a rank-1 one. For example
     * {@code settingsOf("step_size", 30, "gamma", 0.1)}.
     */
    protected static Map<String, Tensor> settingsOf(Object... namesAndValues) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            out.put((String) namesAndValues[i], v instanceof double[] d ? SchedulerState.vector(d.clone())
                    : SchedulerState.number(((Number) v).doubleValue()));
        }
        return out;
    }

    /** For example {@code StepLR(epoch 3, lr [0.1, 0.01])}. */
    @Override
    public String toString() {
        return name + "(epoch " + lastEpoch + ", lr " + getLastLr() + ")";
    }
}
