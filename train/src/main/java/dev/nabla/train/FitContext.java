package dev.nabla.train;

import dev.nabla.nn.Module;
import dev.nabla.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a fit stands, as its {@link Callback}s see it: the epoch and batch, the sizes, the
 * {@link History}, and a way to ask the trainer to stop.
 */
public final class FitContext {
    private final Trainer trainer;
    private final int epochs;
    private final int batchesPerEpoch;
    private final long samplesPerEpoch;
    private final List<String> metricNames;
    private int epoch;
    private int batch;
    private boolean stopRequested;
    private final List<Path> checkpointRequests = new ArrayList<>();

    FitContext(Trainer trainer, int epochs, int batchesPerEpoch, long samplesPerEpoch, List<String> metricNames) {
        this.trainer = trainer;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.samplesPerEpoch = samplesPerEpoch;
        this.metricNames = List.copyOf(metricNames);
    }

    /** The trainer running the fit. */
    public Trainer trainer() {
        return trainer;
    }

    /** The model being trained. */
    public Module model() {
        return trainer.model();
    }

    /** The optimizer updating it. */
    public Optimizer<?> optimizer() {
        return trainer.optimizer();
    }

    /** The values of the epochs done so far. */
    public History history() {
        return trainer.history();
    }

    /** The epoch running (from 0), or the one just finished in {@link Callback#onEpochEnd}. */
    public int epoch() {
        return epoch;
    }

    /** The number of epochs the fit runs to, counted from the first epoch of training. */
    public int epochs() {
        return epochs;
    }

    /** The training batches of the current epoch done so far. */
    public int batch() {
        return batch;
    }

    /** Training batches per epoch. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Training samples per epoch. */
    public long samplesPerEpoch() {
        return samplesPerEpoch;
    }

    /**
     * The names each epoch records: {@code loss}, the metrics, their {@code val_} forms when the
     * fit has a validation set, and {@code lr}.
     */
    public List<String> metricNames() {
        return metricNames;
    }

    /**
     * Whether a higher value of the recorded {@code name} is better: true for the metrics that
     * say so ({@code accuracy}, {@code val_accuracy}, ...), false for losses and errors.
     */
    public boolean higherIsBetter(String name) {
        String base = name.startsWith(Trainer.VALIDATION_PREFIX) ? name.substring(Trainer.VALIDATION_PREFIX.length())
                : name;
        return trainer.metrics().stream().anyMatch(m -> m.name().equals(base) && m.higherIsBetter());
    }

    /** Asks the trainer to stop after the current epoch (what {@code EarlyStopping} does). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether a callback asked to stop. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Asks the trainer to write a checkpoint into {@code dir} (see {@link Trainer#saveCheckpoint})
     * once every callback has seen the current batch or epoch end, so that it holds all of their
     * updated state whatever their order.
     */
    public void requestCheckpoint(Path dir) {
        checkpointRequests.add(dir);
    }

    /** The checkpoint directories requested since the last call. */
    List<Path> takeCheckpointRequests() {
        List<Path> out = List.copyOf(checkpointRequests);
        checkpointRequests.clear();
        return out;
    }

    void moveTo(int epoch, int batch) {
        this.epoch = epoch;
        this.batch = batch;
    }
}
