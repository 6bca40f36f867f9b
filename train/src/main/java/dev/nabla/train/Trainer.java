package dev.nabla.train;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.Batch;
import dev.nabla.data.BatchIterator;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Module;
import dev.nabla.nn.loss.Loss;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.schedule.Scheduler;
import dev.nabla.train.callbacks.LearningRateScheduler;
import dev.nabla.train.metrics.ConfusionMatrix;
import dev.nabla.train.metrics.Metric;
import dev.nabla.train.metrics.RunningMean;
import dev.nabla.tensor.random.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The training loop: {@link #fit} trains a model on a {@link DataLoader}'s batches for a number of
 * epochs, validating after each, with {@link Callback}s; {@link #evaluate}, {@link #predict} and
 * {@link #confusionMatrix} use the model afterwards. Batches are features {@code [N, ...]} and
 * labels {@code [N]}; the model maps the features to outputs {@code [N, ...]} that the loss
 * compares with the labels.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
 *         .metrics(new Accuracy())
 *         .build();
 * History history = trainer.fit(train, validation, 10, new EarlyStopping("val_loss", 3), new ProgressBar());
 * }</pre>
 *
 * <p>Each training batch: {@code zeroGrad}, forward in training mode, loss, backward, optimizer
 * step, then the running loss and metrics. Each epoch records in the {@link History} the mean
 * loss over its samples, each metric, the same over the validation set ({@code val_} names, in
 * evaluation mode without gradients), and {@code lr}.
 *
 * <p>A {@link #saveCheckpoint checkpoint} holds everything the rest of the fit depends on: the
 * model, the optimizer, the position (epoch and batch), the global generator ({@code Dropout}'s
 * masks), the history, the running sums and the callbacks' state (a schedule's progress, the
 * best value so far). A trainer built the same way that {@link #resume}s from it and is given the
 * same loaders and callbacks continues bit for bit as if never stopped: the loaders' batches
 * depend only on their seed and the epoch.
 */
public final class Trainer {
    /** The prefix of the validation names in the history: {@code val_loss}, {@code val_accuracy}. */
    public static final String VALIDATION_PREFIX = "val_";
    /** The name of the loss in the history. */
    public static final String LOSS = "loss";
    /** The name of the learning rate in the history. */
    public static final String LEARNING_RATE = "lr";
    static final String MODEL_FILE = "model.safetensors";
    static final String OPTIMIZER_FILE = "optimizer.safetensors";

    private final Module model;
    private final Loss loss;
    private final Optimizer<?> optimizer;
    private final List<Metric> metrics;
    private final Evaluator evaluator;
    private final List<LearningRateScheduler> schedules;
    private final Map<String, String> extraSettings;
    private final History history = new History();
    private final RunningMean runningLoss = new RunningMean();
    private int epochsDone;
    private int batchesDone;
    private double lastLr = Double.NaN;
    private Map<String, Tensor> resumedCallbackState = Map.of();
    private List<Callback> activeCallbacks = List.of();

    private Trainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.metrics = List.copyOf(b.metrics);
        this.evaluator = new Evaluator(model, loss, metrics);
        this.schedules = List.copyOf(b.schedules);
        this.extraSettings = new LinkedHashMap<>(b.settings);
    }

    /** A builder for a trainer of {@code model} by {@code loss} and {@code optimizer}. */
    public static Builder builder(Module model, Loss loss, Optimizer<?> optimizer) {
        return new Builder(model, loss, optimizer);
    }

    // ---- fitting ----

    /** {@link #fit(DataLoader, DataLoader, int, List)} with the callbacks as arguments. */
    public History fit(DataLoader train, DataLoader validation, int epochs, Callback... callbacks) {
        return fit(train, validation, epochs, List.of(callbacks));
    }

    /**
     * Trains until {@code epochs} epochs are done, counted from the first: a new trainer runs
     * epochs {@code 0 .. epochs-1}; a resumed one, or one that has fitted before, goes on from
     * where it is. Stops early after an epoch at which a callback called
     * {@link FitContext#requestStop()}. The model is left in training mode.
     *
     * @param train      the training batches; epoch {@code e} iterates {@code train.iterator(e)}
     * @param validation the validation batches, or null for none
     * @param epochs     the number of epochs to reach
     * @param callbacks  run at each point of the fit after the trainer's own (its schedule)
     * @return the history of every epoch so far, this fit's included
     * @throws IllegalArgumentException if {@code epochs} is not beyond the epochs already done, a
     *     callback's setting does not fit the run (an unknown monitor, say), or a batch does not
     *     fit the model, the loss or a metric (the message names the epoch, the batch and its shapes)
     */
    public History fit(DataLoader train, DataLoader validation, int epochs, List<Callback> callbacks) {
        Objects.requireNonNull(train, "fit: train loader");
        if (epochs <= epochsDone) {
            throw new IllegalArgumentException("fit: epochs=" + epochs + " leaves nothing to do: this trainer has"
                    + " already done " + epochsDone + " epochs; pass the total number of epochs to reach, e.g. "
                    + (epochsDone + 1));
        }
        if (train.numBatches() == 0) {
            throw new IllegalArgumentException("fit: the training loader yields no batch: " + train.dataset().size()
                    + " samples in batches of " + train.batchSize() + " with the last partial batch dropped; use a"
                    + " smaller batch size or keep the last batch");
        }
        if (batchesDone > train.numBatches()) {
            throw new IllegalArgumentException("fit: the checkpoint stopped after batch " + batchesDone + " of epoch "
                    + epochsDone + ", but the training loader has " + train.numBatches() + " batches per epoch;"
                    + " resume with the loader of the checkpointed run");
        }
        List<Callback> all = new ArrayList<>(schedules);
        all.addAll(callbacks);
        FitContext context = new FitContext(this, epochs, train.numBatches(), train.numSamples(),
                recordedNames(validation != null));
        activeCallbacks = all;
        lastLr = optimizer.paramGroups().get(0).lr();
        try {
            all.forEach(c -> c.onFitStart(context));
            loadCallbackState(all);
            while (epochsDone < epochs && !context.stopRequested()) {
                runEpoch(train, validation, context, all);
            }
            all.forEach(c -> c.onFitEnd(context));
        } finally {
            activeCallbacks = List.of();
            model.train();
        }
        return history;
    }

    private void runEpoch(DataLoader train, DataLoader validation, FitContext context, List<Callback> all) {
        int epoch = epochsDone;
        if (batchesDone == 0) {
            runningLoss.reset();
            metrics.forEach(Metric::reset);
        }
        context.moveTo(epoch, batchesDone);
        all.forEach(c -> c.onEpochStart(context));
        model.train();
        try (BatchIterator batches = train.iterator(epoch, batchesDone)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                BatchEnd end = trainStep(epoch, batchesDone, batch);
                batchesDone++;
                context.moveTo(epoch, batchesDone);
                all.forEach(c -> c.onBatchEnd(context, end));
                writeRequestedCheckpoints(context);
            }
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(LOSS, runningLoss.mean());
        metrics.forEach(m -> logs.put(m.name(), m.result()));
        if (validation != null) {
            evaluate(validation).forEach((k, v) -> logs.put(VALIDATION_PREFIX + k, v));
        }
        logs.put(LEARNING_RATE, lastLr);
        history.append(logs);
        epochsDone = epoch + 1;
        batchesDone = 0;
        all.forEach(c -> c.onEpochEnd(context, logs));
        writeRequestedCheckpoints(context);
    }

    private void writeRequestedCheckpoints(FitContext context) {
        for (Path dir : context.takeCheckpointRequests()) {
            try {
                saveCheckpoint(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("fit: cannot write the checkpoint " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private BatchEnd trainStep(int epoch, int index, Batch batch) {
        String where = "fit: epoch " + epoch + ", batch " + index;
        optimizer.zeroGrad();
        Tensor output = evaluator.forward(where, batch);
        Tensor value = evaluator.lossOf(where, batch, output);
        value.backward();
        lastLr = optimizer.paramGroups().get(0).lr();
        optimizer.step();
        double batchLoss = value.item();
        runningLoss.add(batchLoss, batch.size());
        evaluator.updateMetrics(where, batch, output.detach());
        return new BatchEnd(epoch, index, batch.size(), batchLoss, runningLoss.mean());
    }

    /** {@code loss}, the metrics, their {@code val_} forms if validating, {@code lr}: an epoch's names. */
    private List<String> recordedNames(boolean validating) {
        List<String> own = new ArrayList<>();
        own.add(LOSS);
        metrics.forEach(m -> own.add(m.name()));
        List<String> out = new ArrayList<>(own);
        if (validating) {
            own.forEach(n -> out.add(VALIDATION_PREFIX + n));
        }
        out.add(LEARNING_RATE);
        return out;
    }

    // ---- using the model ----

    /** {@link Evaluator#evaluate}: the loss and the metrics over {@code loader}, leaving the training sums alone. */
    public Map<String, Double> evaluate(DataLoader loader) {
        return evaluator.evaluate(loader);
    }

    /** {@link Evaluator#predict(DataLoader)}: the outputs {@code [samples, ...]} for every batch of {@code loader}. */
    public Tensor predict(DataLoader loader) {
        return evaluator.predict(loader);
    }

    /** {@link Evaluator#predict(Tensor)}: the output for one batch of {@code features} {@code [N, ...]}. */
    public Tensor predict(Tensor features) {
        return evaluator.predict(features);
    }

    /** {@link Evaluator#confusionMatrix}: the confusion matrix of a classifier over {@code loader}. */
    public ConfusionMatrix confusionMatrix(DataLoader loader) {
        return evaluator.confusionMatrix(loader);
    }

    // ---- checkpoints ----

    /**
     * Writes a checkpoint into the directory {@code dir}, replacing it atomically (see
     * {@link AtomicFiles#replaceDirectory}): {@value #MODEL_FILE} ({@link Module#save}, readable by
     * PyTorch), {@value #OPTIMIZER_FILE} ({@link Optimizer#save}) and the trainer's position,
     * generator, history, running sums and callbacks' state. Called from a callback during a fit
     * it records the position after the batch or epoch just finished.
     *
     * @throws IOException if a file cannot be written; {@code dir} is then left as it was
     */
    public void saveCheckpoint(Path dir) throws IOException {
        Map<String, double[]> historyValues = new LinkedHashMap<>();
        history.names().forEach(n -> historyValues.put(n, history.get(n).stream().mapToDouble(Double::doubleValue)
                .toArray()));
        Map<String, double[]> running = new LinkedHashMap<>();
        running.put(LOSS, runningLoss.state());
        metrics.forEach(m -> running.put(m.name(), m.state()));
        TrainerState state = new TrainerState(epochsDone, batchesDone, Rng.global().state(),
                historyValues, running, CallbackStates.collect(activeCallbacks));
        AtomicFiles.replaceDirectory(dir, tmp -> {
            model.save(tmp.resolve(MODEL_FILE));
            optimizer.save(tmp.resolve(OPTIMIZER_FILE));
            state.write(tmp.resolve(TrainerState.FILE));
        });
    }

    /**
     * Loads a checkpoint written by {@link #saveCheckpoint} into this trainer, which must be built
     * like the one that wrote it (same model architecture, optimizer type and param groups,
     * metrics): the model's parameters and buffers, the optimizer's state, the global generator,
     * the history and the position. The next {@link #fit} continues from there and hands each
     * callback its saved state. On failure the model and the trainer are left as they were.
     *
     * <p>Resume after building the loaders and the model: a loader built without a seed draws
     * one from the global generator, which this method sets to where the checkpoint left it.
     *
     * @throws CheckpointFormatException if a file is missing or was not written by a trainer
     * @throws IOException if a file cannot be read or is corrupt
     * @throws IllegalArgumentException if the model, optimizer or metrics do not match the checkpoint
     */
    public void resume(Path dir) throws IOException {
        Path from = AtomicFiles.completeDirectory(dir);
        TrainerState state = TrainerState.read(requireFile(from, TrainerState.FILE));
        Map<String, double[]> running = checkRunning(from, state);
        Map<String, Tensor> before = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> before.put(k, v.copy()));
        model.load(requireFile(from, MODEL_FILE));
        try {
            optimizer.load(requireFile(from, OPTIMIZER_FILE));
        } catch (IOException | RuntimeException e) {
            model.loadStateDict(before, true);
            throw e;
        }
        history.clear();
        for (int e = 0; e < state.epoch(); e++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> h : state.history().entrySet()) {
                row.put(h.getKey(), h.getValue()[e]);
            }
            history.append(row);
        }
        runningLoss.restore(running.get(LOSS));
        metrics.forEach(m -> m.restore(running.get(m.name())));
        Rng.global().restoreState(state.rng());
        epochsDone = state.epoch();
        batchesDone = state.batch();
        resumedCallbackState = state.callbacks();
    }

    private Map<String, double[]> checkRunning(Path dir, TrainerState state) throws CheckpointFormatException {
        Map<String, double[]> running = state.running();
        List<String> expected = new ArrayList<>();
        expected.add(LOSS);
        metrics.forEach(m -> expected.add(m.name()));
        if (!running.keySet().equals(new LinkedHashSet<>(expected))) {
            throw new CheckpointFormatException(dir.resolve(TrainerState.FILE), "the checkpoint's loss and metrics are "
                    + running.keySet() + ", this trainer's are " + expected
                    + "; build the trainer with the same metrics");
        }
        for (Metric m : metrics) {
            if (running.get(m.name()).length != m.state().length) {
                throw new CheckpointFormatException(dir.resolve(TrainerState.FILE), "the running state of metric "
                        + m.name() + " holds " + running.get(m.name()).length + " numbers, this metric keeps "
                        + m.state().length);
            }
        }
        return running;
    }

    private static Path requireFile(Path dir, String name) throws CheckpointFormatException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointFormatException(file, "missing; a checkpoint directory holds " + MODEL_FILE + ", "
                    + OPTIMIZER_FILE + " and " + TrainerState.FILE);
        }
        return file;
    }

    private void loadCallbackState(List<Callback> callbacks) {
        if (!resumedCallbackState.isEmpty()) {
            CallbackStates.restore(callbacks, resumedCallbackState);
            resumedCallbackState = Map.of();
        }
    }

    // ---- what the trainer is ----

    /** The model trained. */
    public Module model() {
        return model;
    }

    /** The loss minimised. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer updating the model. */
    public Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The metrics recorded besides the loss, in order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The values of every epoch done (kept across fits and restored by {@link #resume}). */
    public History history() {
        return history;
    }

    /** The number of epochs done. */
    public int epochsDone() {
        return epochsDone;
    }

    /**
     * The run's settings for a report, in order: {@code model} (type and parameter count),
     * {@code loss}, {@code optimizer} (type and first group's hyperparameters), {@code metrics},
     * {@code schedule} if any, and those given to {@link Builder#setting}.
     */
    public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("model", model.getClass().getSimpleName() + ", " + String.format(Locale.ROOT, "%,d",
                model.parameterCount()) + " parameters");
        out.put("loss", loss.toString());
        out.put("optimizer", optimizer.name() + " " + optimizer.paramGroups().get(0).options());
        out.put("metrics", metrics.isEmpty() ? "none" : String.join(", ", metrics.stream().map(Metric::name).toList()));
        if (!schedules.isEmpty()) {
            out.put("schedule", String.join("; ", schedules.stream().map(Object::toString).toList()));
        }
        out.putAll(extraSettings);
        return out;
    }

    /** Settings of a {@link Trainer}; the model, loss and optimizer are required, the rest optional. */
    public static final class Builder {
        private final Module model;
        private final Loss loss;
        private final Optimizer<?> optimizer;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<LearningRateScheduler> schedules = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(Module model, Loss loss, Optimizer<?> optimizer) {
            this.model = Objects.requireNonNull(model, "trainer: model");
            this.loss = Objects.requireNonNull(loss, "trainer: loss");
            this.optimizer = Objects.requireNonNull(optimizer, "trainer: optimizer");
        }

        /** Adds metrics recorded each epoch besides the loss (for training and validation). */
        public Builder metrics(Metric... values) {
            for (Metric m : values) {
                metrics.add(Objects.requireNonNull(m, "trainer: metric"));
            }
            return this;
        }

        /**
         * Steps {@code scheduler} (made with this trainer's optimizer) after every epoch or every
         * batch; see {@link #schedule(LearningRateScheduler)}.
         */
        public Builder schedule(Scheduler scheduler, LearningRateScheduler.Interval interval) {
            return schedule(LearningRateScheduler.of(scheduler, interval));
        }

        /**
         * Runs {@code stepping} (for example {@link LearningRateScheduler#onPlateau}) as the
         * trainer's own callback, before those given to {@link Trainer#fit}: the rates are set for
         * the next epoch before other callbacks see an epoch's end, and checkpoints save the
         * schedule's progress.
         */
        public Builder schedule(LearningRateScheduler stepping) {
            schedules.add(Objects.requireNonNull(stepping, "trainer: schedule"));
            return this;
        }

        /** Adds a setting shown by {@link Trainer#settings()} (and so in reports), e.g. the batch size. */
        public Builder setting(String name, Object value) {
            settings.put(Objects.requireNonNull(name, "trainer: setting name"), String.valueOf(value));
            return this;
        }

        /**
         * The trainer.
         *
         * @throws IllegalArgumentException if two metrics share a name, or a metric is named
         *     {@code loss} or {@code lr} or starts with {@code val_}
         */
        public Trainer build() {
            List<String> names = new ArrayList<>(List.of(LOSS, LEARNING_RATE));
            for (Metric m : metrics) {
                if (names.contains(m.name()) || m.name().startsWith(VALIDATION_PREFIX)) {
                    throw new IllegalArgumentException("trainer: metric name '" + m.name() + "' is taken; names must"
                            + " be unique, not 'loss' or 'lr', and not start with 'val_'");
                }
                names.add(m.name());
            }
            return new Trainer(this);
        }
    }
}
