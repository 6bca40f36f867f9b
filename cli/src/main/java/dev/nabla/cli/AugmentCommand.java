package dev.nabla.cli;

import dev.nabla.augment.AugmentPreview;
import dev.nabla.augment.ImageAugmenter;
import dev.nabla.data.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a PNG grid of augmented samples ({@link AugmentPreview}): one row per sample, the
 * original first, then augmentations drawn with Keras-style settings ({@link ImageAugmenter}).
 */
@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a PNG grid of augmented samples: one row per sample, the original first, then "
                + "augmentations with Keras's ImageDataGenerator settings.",
            "Without any transform option it shows --rotation 15 --width-shift 0.1 --height-shift 0.1 --zoom 0.1."})
final class AugmentCommand implements Runnable {
    /** The transforms shown when none is given. */
    private static final AugmentationOptions.Unset SAMPLER = new AugmentationOptions.Unset(15, 0.1, 0.1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--preview", required = true, paramLabel = "PNG", description = "The grid image to write.")
    private Path preview;

    @Mixin
    private DataOptions data;

    @Mixin
    private AugmentationOptions augmentation;

    @Option(names = "--rows", defaultValue = "6", paramLabel = "N", description = "Samples shown (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--cols", defaultValue = "8", paramLabel = "N", description = "Columns: the original and N - 1 augmentations (default: ${DEFAULT-VALUE}).")
    private int cols;

    @Option(names = "--scale", paramLabel = "PIXELS", description = "Screen pixels per image pixel (default: cells about 96 pixels wide).")
    private Integer scale;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public void run() {
        require(rows >= 1, "--rows must be at least 1, got " + rows);
        require(cols >= 2, "--cols must be at least 2 (the original and an augmentation), got " + cols);
        require(scale == null || scale >= 1, "--scale must be at least 1, got " + scale);
        ImageAugmenter augmenter = augmentation.build(seed, augmentation.none() ? SAMPLER
                : AugmentationOptions.Unset.NONE);
        DataSource source = data.source();
        PrintWriter out = spec.commandLine().getOut();
        try {
            Dataset dataset = source.train(data.reading(96));
            if (rows > dataset.size()) {
                throw new ParameterException(spec.commandLine(), "--rows " + rows + " exceeds the " + dataset.size()
                        + " samples of " + source);
            }
            int pixels = scale != null ? scale : AugmentPreview.autoScale(dataset);
            AugmentPreview.write(dataset, augmenter, rows, cols, pixels, seed, preview);
        } catch (IOException e) {
            throw new UncheckedIOException("augment: " + e.getMessage(), e);
        }
        out.printf("wrote %s: %d samples of %s, the original and %d augmentations each, by %s%n", preview, rows, source,
                cols - 1, augmenter.transform().transforms());
        out.flush();
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
