package dev.nabla.cli;

import dev.nabla.tensor.Shape;
import dev.nabla.train.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What {@code nabla eval} needs to rebuild a trained model and find its test samples again,
 * written by {@code nabla train} as {@code run.properties} beside the weights.
 *
 * @param model        the preset's name
 * @param inputShape   one sample's shape, without the batch axis
 * @param classNames   the class names, one per output
 * @param data         the {@code --data} spec trained on
 * @param height       the height images were resized to ({@code images:DIR})
 * @param width        the width images were resized to
 * @param labelColumn  the CSV label column, or null for the last
 * @param testFraction the {@code --test-split} of data without a test split of its own
 * @param seed         the seed of the splits
 */
record RunRecord(String model, Shape inputShape, List<String> classNames, String data, int height, int width,
        String labelColumn, double testFraction, long seed) {
    /** The file name in a run directory. */
    static final String FILE = "run.properties";
    /** The weights' file name in a run directory. */
    static final String WEIGHTS = "model.safetensors";
    /** The normalizer's file name in a run directory. */
    static final String NORMALIZER = "normalizer.safetensors";

    /** How the run read its data. */
    DataSource.Reading reading() {
        return new DataSource.Reading(height, width, labelColumn, false);
    }

    /** Writes {@code dir/run.properties} atomically. */
    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("model", model);
        p.setProperty("input.shape", String.join(",", Arrays.stream(inputShape.dims()).mapToObj(Integer::toString)
                .toList()));
        p.setProperty("classes", String.join("\u001f", classNames));
        p.setProperty("data", data);
        p.setProperty("image.height", Integer.toString(height));
        p.setProperty("image.width", Integer.toString(width));
        if (labelColumn != null) {
            p.setProperty("csv.label.column", labelColumn);
        }
        p.setProperty("test.split", Double.toString(testFraction));
        p.setProperty("seed", Long.toString(seed));
        StringWriter text = new StringWriter();
        p.store(text, "nabla train: what nabla eval needs to rebuild the model");
        AtomicFiles.writeString(dir.resolve(FILE), text.toString());
    }

    /**
     * Reads {@code dir/run.properties}.
     *
     * @throws IOException naming the file if it is missing, or a key is missing or malformed
     */
    static RunRecord read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "not a run directory of nabla train (no " + FILE + ")");
        }
        try {
            int[] dims = Arrays.stream(get(p, "input.shape", file).split(",")).mapToInt(Integer::parseInt).toArray();
            return new RunRecord(get(p, "model", file), Shape.of(dims), List.of(get(p, "classes", file).split("\u001f")),
                    get(p, "data", file), Integer.parseInt(get(p, "image.height", file)),
                    Integer.parseInt(get(p, "image.width", file)), p.getProperty("csv.label.column"),
                    Double.parseDouble(get(p, "test.split", file)), Long.parseLong(get(p, "seed", file)));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": a malformed number: " + e.getMessage(), e);
        }
    }

    private static String get(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(file + ": the key '" + key + "' is missing");
        }
        return value;
    }
}
