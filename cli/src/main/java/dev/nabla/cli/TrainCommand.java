package dev.nabla.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nabla train}: trains a preset model on a data set and writes the run's metrics, history,
 * weights, checkpoints and report into a directory; {@link TrainingRun} does the work.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on a data set, then evaluate it on the test samples and write metrics.json, "
                + "history.csv, the weights, checkpoints and a report (report.html) into --out.",
            "With no options: a small CNN on the built-in 8x8 digits, 20 epochs of Adam.",
            "Example: nabla train --model lenet5 --data mnist:data/mnist --schedule cosine --epochs 10 "
                + "--batch-size 64 --out runs/lenet5"})
final class TrainCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", defaultValue = "auto", paramLabel = "NAME",
            description = "mlp, lenet5, cnn-bn, small-cnn, or auto: small-cnn for images up to 16 pixels, lenet5 "
                    + "for larger ones, mlp for tables (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    DataOptions data;

    @Option(names = "--test-split", defaultValue = "0.2", paramLabel = "F",
            description = "Data without a test split of its own (digits, csv, images): the fraction held out for the "
                    + "final test (default: ${DEFAULT-VALUE}).")
    double testSplit;

    @Option(names = "--val-split", defaultValue = "0.1", paramLabel = "F",
            description = "The fraction of the training samples held out for validation after each epoch; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    OptimizerOptions optimizer;

    @Option(names = "--schedule", defaultValue = "none", paramLabel = "SPEC",
            description = "Learning-rate schedule: " + ScheduleSpec.FORMS + " (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop after PATIENCE epochs without a better --monitor value, and keep the best weights.")
    Integer patience;

    @Option(names = "--monitor", defaultValue = "val_loss", paramLabel = "NAME",
            description = "What early stopping and the best checkpoint watch: loss, accuracy, val_loss or val_accuracy "
                    + "(default: ${DEFAULT-VALUE}; without validation, loss).")
    String monitor;

    @Option(names = "--min-delta", defaultValue = "0", paramLabel = "D",
            description = "Early stopping: the least change that counts as better (default: ${DEFAULT-VALUE}).")
    double minDelta;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "Seed of the splits, the weights, the shuffling and "
            + "the augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "reference, simd, opencl:N or opencl:NAME (default: the best available).")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the simd backend (default: the available cores).")
    Integer threads;

    @Option(names = "--workers", defaultValue = "0", paramLabel = "N",
            description = "Threads preparing batches beside training; 0 prepares them in turn (default: "
                    + "${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the run's files go (default: runs/<model>-<data>-<date>-<time>).")
    Path out;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue a run from one of its checkpoints (RUN/checkpoints/last or best), given the same "
                    + "options: it goes on exactly as if never stopped, up to --epochs in all.")
    Path resume;

    @Option(names = "--quiet", description = "Print only the final results, not a line per epoch.")
    boolean quiet;

    @Override
    public void run() {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(workers >= 0, "--workers must be at least 0, got " + workers);
        require(patience == null || patience >= 1, "--early-stopping must be at least 1, got " + patience);
        require(minDelta >= 0, "--min-delta must be at least 0, got " + minDelta);
        if (threads != null) {
            require(threads >= 1, "--threads must be at least 1, got " + threads);
            System.setProperty("nabla.threads", threads.toString());
        }
        new TrainingRun(this, spec.commandLine().getOut()).run();
    }

    /** {@code --out}, or a new directory under {@code runs/} named after the model, the data and the time. */
    Path outputDirectory(String modelName) {
        if (out != null) {
            return out;
        }
        String source = data.source().kind();
        return Path.of("runs", modelName + "-" + source + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
