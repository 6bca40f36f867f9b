package dev.nabla.cli;

import dev.nabla.data.Dataset;
import dev.nabla.data.Split;
import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The training, validation and test samples of a run. A source with a test split of its own
 * keeps it; any other is split at random first ({@code testFraction} of it held out). Then
 * {@code validationFraction} of the training samples is held out for validation, if above zero.
 * Both splits are seeded, so {@code nabla eval} finds the same test samples again.
 *
 * @param train      the samples trained on
 * @param validation the samples validated on after each epoch, or null
 * @param test       the samples of the final evaluation
 */
record DataSplits(Dataset train, Dataset validation, Dataset test) {
    /**
     * Loads {@code source} and splits it.
     *
     * @throws IllegalArgumentException if a fraction is not in {@code [0, 1)} or leaves a split empty
     * @throws IOException              if the files cannot be read
     */
    static DataSplits of(DataSource source, DataSource.Reading reading, double testFraction,
            double validationFraction, long seed) throws IOException {
        fraction("--test-split", testFraction);
        fraction("--val-split", validationFraction);
        Dataset all = source.train(reading);
        Split trainTest = source.hasTestSplit() ? new Split(all, source.test()) : split(all, testFraction, seed,
                "--test-split");
        if (validationFraction == 0) {
            return new DataSplits(trainTest.train(), null, trainTest.test());
        }
        Split trainValidation = split(trainTest.train(), validationFraction, seed + 1, "--val-split");
        return new DataSplits(trainValidation.train(), trainValidation.test(), trainTest.test());
    }

    /** The test samples {@link #of} would give, without loading anything else for a source with its own test split. */
    static Dataset testOnly(DataSource source, DataSource.Reading reading, double testFraction, long seed)
            throws IOException {
        return source.hasTestSplit() ? source.test() : split(source.train(reading), testFraction, seed,
                "--test-split").test();
    }

    /** The shape of one sample, without the batch axis. */
    Shape sampleShape() {
        return train.get(0).features().shape();
    }

    /**
     * The class names: the data set's, else {@code "0"}, {@code "1"}, ... up to the largest label.
     *
     * @throws IllegalArgumentException if a label is not a class index or there are fewer than two classes
     */
    List<String> classNames() {
        if (!train.classNames().isEmpty()) {
            return train.classNames();
        }
        int classes = 0;
        for (int i = 0; i < train.size(); i++) {
            double label = train.get(i).label();
            if (label != Math.rint(label) || label < 0) {
                throw new IllegalArgumentException("train: the labels must be class indices 0, 1, ...; sample " + i
                        + " has " + label + " (regression targets are not supported by nabla train)");
            }
            classes = Math.max(classes, (int) label + 1);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("train: the labels name " + classes + " class; at least 2 are needed");
        }
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    private static Split split(Dataset dataset, double fraction, long seed, String option) {
        if (fraction == 0) {
            throw new IllegalArgumentException(option + " must be above 0 for data without a test split of its own");
        }
        int held = (int) Math.ceil(fraction * dataset.size());
        if (held >= dataset.size()) {
            throw new IllegalArgumentException(option + " " + fraction + " leaves no training samples of "
                    + dataset.size());
        }
        return Split.random(dataset, fraction, seed);
    }

    private static void fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(option + " must be in [0, 1), got " + value);
        }
    }
}
