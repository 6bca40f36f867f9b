package dev.nabla.cli;

import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import dev.nabla.data.Normalizer;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.train.Evaluator;
import dev.nabla.train.metrics.Accuracy;
import dev.nabla.train.metrics.ConfusionMatrix;
import dev.nabla.train.presets.Preset;
import dev.nabla.train.report.ConfusionMatrixPlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla eval}: evaluates the model of a {@code nabla train} run directory on the run's test
 * samples, or on other data, and prints (and with {@code --out} writes) its loss, accuracy and
 * confusion matrix.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained model (the directory nabla train wrote) on its test samples, or on "
                + "other data of the same shape.",
            "Example: nabla eval runs/lenet5 --data mnist:data/mnist"})
final class EvalCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run directory written by nabla train.")
    private Path run;

    @Option(names = "--data", paramLabel = "SOURCE",
            description = "The data to evaluate on: its test split if it has one, else all of it (default: the run's "
                    + "own test samples). Forms as for nabla train: " + DataSource.FORMS + ".")
    private String data;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
            description = "Evaluation batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "reference, simd, opencl:N or opencl:NAME (default: the best available).")
    private String device;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write metrics.json and confusion_matrix.png into DIR.")
    private Path out;

    @Override
    public void run() {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        try {
            evaluate();
        } catch (IOException e) {
            throw new UncheckedIOException("eval: " + e.getMessage(), e);
        }
    }

    private void evaluate() throws IOException {
        RunRecord record = RunRecord.read(run);
        Device dev = device == null ? Backends.defaultDevice() : Device.parse(device);
        Dataset samples = samples(record);
        Shape shape = samples.get(0).features().shape();
        if (!shape.equals(record.inputShape())) {
            throw new IllegalArgumentException("eval: the model of " + run + " takes samples " + record.inputShape()
                    + ", but " + describe(record) + " has samples " + shape);
        }
        Sequential model = Preset.byName(record.model()).create(shape, record.classNames().size(), new Rng(0),
                DType.F32, dev);
        model.load(run.resolve(RunRecord.WEIGHTS));
        Normalizer normalizer = Normalizer.load(run.resolve(RunRecord.NORMALIZER));
        DataLoader loader = DataLoader.builder(samples).batchSize(batchSize).batchTransform(normalizer.batchTransform())
                .device(dev).build();
        Evaluator evaluator = new Evaluator(model, new CrossEntropyLoss(), List.of(new Accuracy()));
        long start = System.nanoTime();
        Map<String, Double> results = evaluator.evaluate(loader);
        double seconds = (System.nanoTime() - start) / 1e9;
        ConfusionMatrix matrix = evaluator.confusionMatrix(loader);

        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "nabla eval: %s (%s) on %s: %,d samples%n", run, record.model(), describe(record),
                samples.size());
        w.printf(Locale.ROOT, "loss %.4f, accuracy %.2f%%, %.0f samples/s%n", results.get("loss"),
                100 * results.get("accuracy"), samples.size() / seconds);
        w.print(matrix.format(record.classNames()));
        if (out != null) {
            Files.createDirectories(out);
            Map<String, Object> metrics = new LinkedHashMap<>(results);
            metrics.put("samples", samples.size());
            metrics.put("samplesPerSecond", samples.size() / seconds);
            MetricsFile.write(out.resolve(MetricsFile.NAME), metrics);
            ConfusionMatrixPlot.write(matrix, record.classNames(), out.resolve("confusion_matrix.png"));
            w.println("wrote " + out.resolve(MetricsFile.NAME) + " and " + out.resolve("confusion_matrix.png"));
        }
        w.flush();
    }

    /** The run's test samples, or those of {@code --data}. */
    private Dataset samples(RunRecord record) throws IOException {
        if (data == null || data.equals(record.data())) {
            return DataSplits.testOnly(DataSource.parse(record.data()), record.reading(), record.testFraction(),
                    record.seed());
        }
        DataSource source = DataSource.parse(data);
        return source.hasTestSplit() ? source.test() : source.train(record.reading());
    }

    private String describe(RunRecord record) {
        if (data == null || data.equals(record.data())) {
            return record.data() + " (the run's test samples)";
        }
        return DataSource.parse(data).hasTestSplit() ? data + " (its test split)" : data + " (all of it)";
    }
}
