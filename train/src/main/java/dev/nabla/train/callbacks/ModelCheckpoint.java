package dev.nabla.train.callbacks;

import dev.nabla.autodiff.Tensor;
import dev.nabla.train.BatchEnd;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import dev.nabla.train.StateTensors;
import dev.nabla.train.Trainer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Saves checkpoints during a fit, each a directory written atomically by
 * {@link Trainer#saveCheckpoint} (the model through {@code Module.save}, the optimizer through
 * {@code Optimizer.save}, and the trainer's state), so that {@link Trainer#resume} can continue
 * from either:
 * <ul>
 *   <li>{@code <directory>/last}: after every epoch, and every {@code everyBatches} batches
 *       within an epoch when that is positive;</li>
 *   <li>{@code <directory>/best}: after each epoch whose monitored value is the best so far
 *       ({@code best/model.safetensors} is then the best model, for {@code Module.load}).</li>
 * </ul>
 */
public final class ModelCheckpoint implements Callback {
    /** The name of the directory of the latest checkpoint. */
    public static final String LAST = "last";
    /** The name of the directory of the best checkpoint. */
    public static final String BEST = "best";
    private static final String OP = "ModelCheckpoint";

    private final Path directory;
    private final String requestedMonitor;
    private final Mode mode;
    private final int everyBatches;
    private Monitor monitor;
    private double best;

    /**
     * Checkpoints at each epoch's end, the best by {@code val_loss} when the fit validates and by
     * {@code loss} otherwise.
     */
    public ModelCheckpoint(Path directory) {
        this(directory, null, Mode.AUTO, 0);
    }

    /**
     * @param directory    where {@code last/} and {@code best/} are written
     * @param monitor      the value that decides the best epoch, or null for {@code val_loss} (or
     *                     {@code loss} without validation)
     * @param mode         whether the value should fall or rise
     * @param everyBatches also write {@code last/} every this many batches within an epoch; 0 for
     *                     epoch ends only
     * @throws IllegalArgumentException if {@code everyBatches < 0}
     */
    public ModelCheckpoint(Path directory, String monitor, Mode mode, int everyBatches) {
        this.directory = Objects.requireNonNull(directory, OP + ": directory");
        this.requestedMonitor = monitor;
        this.mode = Objects.requireNonNull(mode, OP + ": mode");
        if (everyBatches < 0) {
            throw new IllegalArgumentException(OP + ": everyBatches must be >= 0 (0 for epoch ends only), got "
                    + everyBatches);
        }
        this.everyBatches = everyBatches;
    }

    /** The directory of the latest checkpoint. */
    public Path last() {
        return directory.resolve(LAST);
    }

    /** The directory of the best checkpoint. */
    public Path best() {
        return directory.resolve(BEST);
    }

    /** The best monitored value so far (infinite before the first epoch). */
    public double bestValue() {
        return best;
    }

    /**
     * @throws IllegalArgumentException if the fit does not record the monitored name
     */
    @Override
    public void onFitStart(FitContext context) {
        String name = requestedMonitor != null ? requestedMonitor
                : context.metricNames().contains(Trainer.VALIDATION_PREFIX + Trainer.LOSS)
                        ? Trainer.VALIDATION_PREFIX + Trainer.LOSS : Trainer.LOSS;
        monitor = new Monitor(OP, name, mode, 0);
        monitor.start(context);
        best = monitor.worst();
    }

    @Override
    public void onBatchEnd(FitContext context, BatchEnd batch) {
        if (everyBatches > 0 && context.batch() % everyBatches == 0 && context.batch() < context.batchesPerEpoch()) {
            context.requestCheckpoint(last());
        }
    }

    @Override
    public void onEpochEnd(FitContext context, Map<String, Double> logs) {
        double current = monitor.valueIn(logs);
        if (monitor.improves(current, best)) {
            best = current;
            context.requestCheckpoint(best());
        }
        context.requestCheckpoint(last());
    }

    /** {@code best}: the best monitored value so far. */
    @Override
    public Map<String, Tensor> stateDict() {
        return Map.of("best", StateTensors.scalar(best));
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        best = StateTensors.scalar(OP + ".loadStateDict", state, "best");
    }

    /** For example {@code ModelCheckpoint(runs/checkpoints)}. */
    @Override
    public String toString() {
        return OP + "(" + directory + ")";
    }
}
