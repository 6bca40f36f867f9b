package dev.nabla.cli;

import dev.nabla.data.ArrayDataset;
import dev.nabla.data.Cifar10Dataset;
import dev.nabla.data.CsvDataset;
import dev.nabla.data.Dataset;
import dev.nabla.data.Digits;
import dev.nabla.data.FashionMnistDataset;
import dev.nabla.data.ImageFolder;
import dev.nabla.data.MnistDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set as the command line names it: {@code digits} (built in), {@code mnist:DIR},
 * {@code fashion:DIR}, {@code cifar10:DIR} (their standard files, with a test split),
 * {@code csv:FILE} (one sample per row, see {@link CsvDataset}) or {@code images:DIR} (one
 * folder per class, see {@link ImageFolder}).
 *
 * @param kind     {@code digits}, {@code mnist}, {@code fashion}, {@code cifar10}, {@code csv} or {@code images}
 * @param location the directory or file after the colon; null for {@code digits}
 */
record DataSource(String kind, Path location) {
    /** The accepted forms, for messages. */
    static final String FORMS = "digits, mnist:DIR, fashion:DIR, cifar10:DIR, csv:FILE or images:DIR";
    private static final List<String> WITH_LOCATION = List.of("mnist", "fashion", "cifar10", "csv", "images");
    private static final List<String> DOWNLOADABLE = List.of("mnist", "fashion", "cifar10");

    /** How to read the files where the source leaves a choice. */
    record Reading(int height, int width, String labelColumn, boolean download) {
    }

    /**
     * Parses {@code spec}.
     *
     * @throws IllegalArgumentException naming the spec and the accepted forms if it is none of them
     */
    static DataSource parse(String spec) {
        if (spec.equals("digits")) {
            return new DataSource("digits", null);
        }
        int colon = spec.indexOf(':');
        String kind = colon > 0 ? spec.substring(0, colon) : spec;
        if (!WITH_LOCATION.contains(kind)) {
            throw new IllegalArgumentException("--data: unknown data '" + spec + "'; expected " + FORMS);
        }
        if (colon < 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("--data: '" + kind + "' needs a location, as in " + kind
                    + (kind.equals("csv") ? ":FILE" : ":DIR") + "; expected " + FORMS);
        }
        return new DataSource(kind, Path.of(spec.substring(colon + 1)));
    }

    /** Whether the source has its own test split (MNIST, Fashion-MNIST, CIFAR-10); the others are split at random. */
    boolean hasTestSplit() {
        return DOWNLOADABLE.contains(kind);
    }

    /** Whether samples are images {@code [C, H, W]} (all but CSV tables). */
    boolean isImages() {
        return !kind.equals("csv");
    }

    /**
     * The training samples, or for a source without a test split all of them.
     *
     * @throws IllegalArgumentException if {@code --download} is asked of a source that cannot be downloaded
     * @throws IOException              if the files are missing or corrupt; the message names the file
     */
    Dataset train(Reading reading) throws IOException {
        if (reading.download() && !DOWNLOADABLE.contains(kind)) {
            throw new IllegalArgumentException("--download works with mnist, fashion and cifar10, not " + kind);
        }
        return switch (kind) {
            case "digits" -> Digits.load();
            case "mnist" -> MnistDataset.train(reading.download() ? MnistDataset.download(location) : location);
            case "fashion" -> FashionMnistDataset.train(reading.download() ? FashionMnistDataset.download(location)
                    : location);
            case "cifar10" -> Cifar10Dataset.train(reading.download() ? Cifar10Dataset.download(location) : location);
            case "csv" -> csv(reading);
            case "images" -> ImageFolder.builder(location).targetSize(reading.height(), reading.width()).open();
            default -> throw new IllegalStateException("unhandled data kind " + kind);
        };
    }

    /**
     * The test samples of a source {@link #hasTestSplit() with a test split}.
     *
     * @throws IllegalStateException if the source has none
     * @throws IOException           if the files are missing or corrupt
     */
    ArrayDataset test() throws IOException {
        return switch (kind) {
            case "mnist" -> MnistDataset.test(location);
            case "fashion" -> FashionMnistDataset.test(location);
            case "cifar10" -> Cifar10Dataset.test(location);
            default -> throw new IllegalStateException(kind + " has no test split of its own");
        };
    }

    private ArrayDataset csv(Reading reading) throws IOException {
        CsvDataset reader = CsvDataset.reader();
        if (reading.labelColumn() != null) {
            String column = reading.labelColumn();
            reader = column.chars().allMatch(Character::isDigit) ? reader.labelColumn(Integer.parseInt(column))
                    : reader.labelColumn(column);
        }
        return reader.read(location);
    }

    @Override
    public String toString() {
        return location == null ? kind : kind + ":" + location;
    }
}
