package dev.nabla.cli;

import dev.nabla.augment.ImageAugmenter;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import dev.nabla.data.Normalizer;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Optimizer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.train.Callback;
import dev.nabla.train.FitContext;
import dev.nabla.train.History;
import dev.nabla.train.Trainer;
import dev.nabla.train.callbacks.EarlyStopping;
import dev.nabla.train.callbacks.HistoryLogger;
import dev.nabla.train.callbacks.LearningRateScheduler;
import dev.nabla.train.callbacks.ModelCheckpoint;
import dev.nabla.train.callbacks.Mode;
import dev.nabla.train.callbacks.ProgressBar;
import dev.nabla.train.callbacks.Throughput;
import dev.nabla.train.metrics.Accuracy;
import dev.nabla.train.presets.Preset;
import dev.nabla.train.report.TrainingReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code nabla train} run: loads and splits the data, standardizes it with statistics of the
 * training samples, builds the model and the optimizer, fits with the callbacks the options ask
 * for, evaluates on the test samples, and writes the run directory:
 *
 * <table>
 *   <caption>the run directory</caption>
 *   <tr><td>{@code metrics.json}</td><td>the test metrics ({@code loss}, {@code accuracy}) and
 *   {@code samplesPerSecond}, {@code epochs}, {@code wallSeconds}, {@code firstStepSeconds}</td></tr>
 *   <tr><td>{@code history.csv}</td><td>every value per epoch</td></tr>
 *   <tr><td>{@code model.safetensors}, {@code normalizer.safetensors}, {@code run.properties}</td>
 *   <td>the trained model and what {@code nabla eval} needs to use it</td></tr>
 *   <tr><td>{@code checkpoints/best}, {@code checkpoints/last}</td><td>resumable checkpoints</td></tr>
 *   <tr><td>{@code report.html}, {@code curves.png}, {@code confusion_matrix.png}</td><td>the report</td></tr>
 * </table>
 */
final class TrainingRun {
    /** The side pictures of an image folder are resized to without {@code --size}. */
    static final int DEFAULT_IMAGE_SIDE = 64;
    private static final int EVALUATION_BATCH = 256;

    private final TrainCommand options;
    private final PrintWriter out;
    private final long start = System.nanoTime();

    TrainingRun(TrainCommand options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs it; failures to read or write files come out as {@link UncheckedIOException}. */
    void run() {
        try {
            train();
        } catch (IOException e) {
            throw new UncheckedIOException("train: " + e.getMessage(), e);
        }
    }

    private void train() throws IOException {
        Device device = options.device == null ? Backends.defaultDevice() : Device.parse(options.device);
        Backends.of(device);
        DataSource source = options.data.source();
        ScheduleSpec schedule = ScheduleSpec.parse(options.schedule);
        DataSource.Reading reading = options.data.reading(DEFAULT_IMAGE_SIDE);
        ImageAugmenter augmenter = augmenter(source);
        Rng.manualSeed(options.seed);

        DataSplits splits = DataSplits.of(source, reading, options.testSplit, options.validationSplit, options.seed);
        Shape shape = splits.sampleShape();
        List<String> classes = splits.classNames();
        Preset preset = preset(shape, source);
        Sequential model = preset.create(shape, classes.size(), new Rng(options.seed), DType.F32, device);
        Normalizer normalizer = Normalizer.fitStandardize(splits.train(),
                source.isImages() ? Normalizer.Scope.PER_CHANNEL : Normalizer.Scope.PER_FEATURE);
        DataLoader train = loader(splits.train(), options.batchSize, normalizer, augmenter, device, true);
        DataLoader validation = splits.validation() == null ? null
                : loader(splits.validation(), EVALUATION_BATCH, normalizer, null, device, false);
        DataLoader test = loader(splits.test(), EVALUATION_BATCH, normalizer, null, device, false);

        Optimizer<?> optimizer = options.optimizer.create(model.parameters());
        String monitor = validation == null && options.monitor.startsWith(Trainer.VALIDATION_PREFIX)
                ? options.monitor.substring(Trainer.VALIDATION_PREFIX.length()) : options.monitor;
        Trainer.Builder builder = Trainer.builder(model, new CrossEntropyLoss(), optimizer).metrics(new Accuracy());
        LearningRateScheduler stepping = schedule.create(optimizer, options.epochs, train.numBatches(), monitor);
        if (stepping != null) {
            builder.schedule(stepping);
        }
        settings(preset, source, splits, augmenter).forEach(builder::setting);
        Trainer trainer = builder.build();
        if (options.resume != null) {
            trainer.resume(options.resume);
        }

        Path dir = options.outputDirectory(preset.id());
        Files.createDirectories(dir);
        Throughput speed = new Throughput();
        FirstStep firstStep = new FirstStep();
        List<Callback> callbacks = new ArrayList<>(List.of(firstStep, speed));
        if (!options.quiet) {
            callbacks.add(new ProgressBar(out, System.console() != null, System::nanoTime));
        }
        if (options.patience != null) {
            callbacks.add(new EarlyStopping(monitor, Mode.AUTO, options.patience, options.minDelta, true));
        }
        callbacks.add(new ModelCheckpoint(dir.resolve("checkpoints"), monitor, Mode.AUTO, 0));
        callbacks.add(HistoryLogger.csv(dir.resolve("history.csv")));

        out.printf(Locale.ROOT, "nabla train: %s on %s (%s), %s, %d epochs of batch %d, device %s%s%n", preset.id(),
                source, describe(splits, shape, classes.size()), trainer.settings().get("optimizer"), options.epochs,
                options.batchSize, device, options.resume == null ? ""
                        : ", resumed after epoch " + trainer.epochsDone() + " from " + options.resume);
        out.flush();
        History history = trainer.fit(train, validation, options.epochs, callbacks);
        Map<String, Double> results = trainer.evaluate(test);
        double wall = (System.nanoTime() - start) / 1e9;

        model.save(dir.resolve(RunRecord.WEIGHTS));
        normalizer.save(dir.resolve(RunRecord.NORMALIZER));
        new RunRecord(preset.id(), shape, classes, options.data.data, reading.height(), reading.width(),
                reading.labelColumn(), options.testSplit, options.seed).write(dir);
        Map<String, Object> metrics = new LinkedHashMap<>(results);
        metrics.put("samplesPerSecond", speed.samplesPerSecond());
        metrics.put("epochs", history.epochs());
        metrics.put("wallSeconds", wall);
        metrics.put("firstStepSeconds", firstStep.seconds);
        MetricsFile.write(dir.resolve(MetricsFile.NAME), metrics);
        out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% on %d samples%n", results.get(Trainer.LOSS),
                100 * results.get("accuracy"), splits.test().size());
        out.printf(Locale.ROOT, "%d epochs, %.0f training samples/s, %.1f s in all (first step after %.1f s)%n",
                history.epochs(), speed.samplesPerSecond(), wall, firstStep.seconds);
        out.printf("wrote %s (metrics.json, history.csv, model.safetensors, checkpoints/%s)%n", dir,
                report(new TrainingReport(history, trainer.settings(), results, trainer.confusionMatrix(test),
                        classes), dir));
        out.flush();
    }

    /**
     * Writes the report and returns what to add to the list of files written. A machine that
     * cannot draw text (no font libraries) still keeps everything else; the failure is printed.
     */
    private String report(TrainingReport report, Path dir) throws IOException {
        try {
            return ", " + report.write(dir).getFileName();
        } catch (LinkageError | java.awt.AWTError e) {
            out.println("train: the report was not written, this machine cannot draw it: " + e);
            return "; no report";
        }
    }

    private ImageAugmenter augmenter(DataSource source) {
        options.augmentation.check();
        if (options.augmentation.none()) {
            return null;
        }
        if (!source.isImages()) {
            throw new IllegalArgumentException("train: augmentation options need images; " + source + " is a table");
        }
        return options.augmentation.build(options.seed, AugmentationOptions.Unset.NONE);
    }

    private Preset preset(Shape shape, DataSource source) {
        if (!options.model.equals("auto")) {
            return Preset.byName(options.model);
        }
        if (!source.isImages()) {
            return Preset.MLP;
        }
        return Math.max(shape.dims()[1], shape.dims()[2]) <= 16 ? Preset.SMALL_CNN : Preset.LENET5;
    }

    private DataLoader loader(Dataset dataset, int batchSize, Normalizer normalizer, ImageAugmenter augmenter,
            Device device, boolean shuffle) {
        DataLoader.Builder b = DataLoader.builder(dataset).batchSize(batchSize).seed(options.seed)
                .workers(options.workers).batchTransform(normalizer.batchTransform()).device(device);
        if (shuffle) {
            b.shuffle(options.seed);
        }
        if (augmenter != null) {
            b.sampleTransform(augmenter);
        }
        return b.build();
    }

    private Map<String, Object> settings(Preset preset, DataSource source, DataSplits splits,
            ImageAugmenter augmenter) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset.id());
        s.put("data", source + " (" + describe(splits, splits.sampleShape(), splits.classNames().size()) + ")");
        s.put("normalization", "standardized with the training samples' mean and std");
        s.put("batch size", options.batchSize);
        s.put("epochs", options.epochs);
        if (options.optimizer.l1 != null) {
            s.put("L1", options.optimizer.l1 + " (proximal soft-threshold)");
        }
        s.put("augmentation", augmenter == null ? "none" : augmenter.transform().transforms());
        if (options.patience != null) {
            s.put("early stopping", "patience " + options.patience + " on " + options.monitor);
        }
        s.put("seed", options.seed);
        s.put("device", options.device == null ? Backends.defaultDevice() : options.device);
        s.put("threads", System.getProperty("nabla.threads", Runtime.getRuntime().availableProcessors() + " (all)"));
        return s;
    }

    private static String describe(DataSplits splits, Shape shape, int classes) {
        return String.format(Locale.ROOT, "%,d training, %s%,d test samples of %s, %d classes", splits.train().size(),
                splits.validation() == null ? "" : String.format(Locale.ROOT, "%,d validation, ",
                        splits.validation().size()), splits.test().size(), shape, classes);
    }

    /** Records how long after the JVM started the first training step began. */
    private static final class FirstStep implements Callback {
        private double seconds = Double.NaN;

        @Override
        public void onEpochStart(FitContext context) {
            if (Double.isNaN(seconds)) {
                seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            }
        }
    }
}
