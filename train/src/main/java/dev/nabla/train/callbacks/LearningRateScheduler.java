package dev.nabla.train.callbacks;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.schedule.ReduceLROnPlateau;
import dev.nabla.optim.schedule.Scheduler;
import dev.nabla.train.BatchEnd;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Steps a learning-rate schedule during a fit: a {@link Scheduler} ({@code StepLR},
 * {@code OneCycleLR}, ...) after every epoch or after every batch, or a {@link ReduceLROnPlateau}
 * with a monitored value after every epoch. Its state dict is the schedule's, so a checkpoint
 * resumes the schedule exactly. {@code Trainer.Builder.schedule} installs one as the trainer's
 * first callback, so it steps before the others see an epoch's end.
 *
 * <pre>{@code
 * Trainer.builder(model, loss, optimizer).schedule(new StepLR(optimizer, 10, 0.5), Interval.EPOCH)
 * }</pre>
 */
public final class LearningRateScheduler implements Callback {
    private static final String OP = "LearningRateScheduler";

    /** When a {@link Scheduler} steps. */
    public enum Interval {
        /** After every epoch: the schedule counts epochs (PyTorch's usual {@code scheduler.step()} per epoch). */
        EPOCH,
        /** After every training batch: the schedule counts optimizer steps ({@code OneCycleLR}, warm-up). */
        BATCH
    }

    private final Scheduler scheduler;
    private final Interval interval;
    private final ReduceLROnPlateau plateau;
    private final Monitor monitor;

    private LearningRateScheduler(Scheduler scheduler, Interval interval, ReduceLROnPlateau plateau, String monitor) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.plateau = plateau;
        this.monitor = monitor == null ? null : new Monitor(OP, monitor, Mode.AUTO, 0);
    }

    /** Steps {@code scheduler} after every epoch ({@link Interval#EPOCH}) or every batch. */
    public static LearningRateScheduler of(Scheduler scheduler, Interval interval) {
        return new LearningRateScheduler(Objects.requireNonNull(scheduler, OP + ": scheduler"),
                Objects.requireNonNull(interval, OP + ": interval"), null, null);
    }

    /** Steps {@code plateau} after every epoch with the epoch's value of {@code monitor}, e.g. {@code "val_loss"}. */
    public static LearningRateScheduler onPlateau(ReduceLROnPlateau plateau, String monitor) {
        return new LearningRateScheduler(null, Interval.EPOCH, Objects.requireNonNull(plateau, OP + ": plateau"),
                Objects.requireNonNull(monitor, OP + ": monitor"));
    }

    /**
     * @throws IllegalArgumentException if the schedule sets another optimizer's rates than the
     *                                  trainer's, or the fit does not record the monitored name
     */
    @Override
    public void onFitStart(FitContext context) {
        Optimizer<?> scheduled = scheduler != null ? scheduler.optimizer() : plateau.optimizer();
        if (scheduled != context.optimizer()) {
            throw new IllegalArgumentException(OP + ": the schedule sets the learning rates of " + scheduled
                    + ", not of the trainer's optimizer " + context.optimizer()
                    + "; make it with the trainer's optimizer");
        }
        if (monitor != null) {
            monitor.start(context);
        }
    }

    @Override
    public void onBatchEnd(FitContext context, BatchEnd batch) {
        if (interval == Interval.BATCH) {
            scheduler.step();
        }
    }

    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        if (plateau != null) {
            plateau.step(monitor.valueIn(logs));
        } else if (interval == Interval.EPOCH) {
            scheduler.step();
        }
    }

    /** The schedule's state dict: its progress (the learning rates are in the optimizer's). */
    @Override
    public Map<String, Tensor> stateDict() {
        return scheduler != null ? scheduler.stateDict() : plateau.stateDict();
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        if (scheduler != null) {
            scheduler.loadStateDict(state);
        } else {
            plateau.loadStateDict(state);
        }
    }

    /** For example {@code StepLR(epoch 0, lr [0.1]) per epoch}. */
    @Override
    public String toString() {
        return scheduler != null ? scheduler + " per " + interval.name().toLowerCase(Locale.ROOT)
                : plateau + " on " + monitor.name();
    }
}
