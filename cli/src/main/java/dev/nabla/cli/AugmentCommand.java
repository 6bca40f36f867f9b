package dev.nabla.cli;

import dev.nabla.augment.AugmentPreview;
import dev.nabla.augment.FillMode;
import dev.nabla.augment.ImageAugmenter;
import dev.nabla.data.Cifar10Dataset;
import dev.nabla.data.Dataset;
import dev.nabla.data.Digits;
import dev.nabla.data.FashionMnistDataset;
import dev.nabla.data.ImageFolder;
import dev.nabla.data.MnistDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes a PNG grid of augmented samples ({@link AugmentPreview}): one row per sample, the
 * original first, then augmentations drawn with Keras-style settings ({@link ImageAugmenter}).
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Write a PNG grid of augmented samples: one row per sample, the original first, then "
                + "augmentations with Keras's ImageDataGenerator settings.",
            "Without any transform option it shows --rotation 15 --width-shift 0.1 --height-shift 0.1 --zoom 0.1."})
final class AugmentCommand implements Runnable {
    private static final String SOURCES = "digits, images:DIR, mnist:DIR, fashion:DIR or cifar10:DIR";

    @Spec
    private CommandSpec spec;

    @Option(names = "--preview", required = true, paramLabel = "PNG", description = "The grid image to write.")
    private Path preview;

    @Option(names = "--data", defaultValue = "digits", paramLabel = "SOURCE",
            description = "digits (built in), images:DIR (one folder per class), mnist:DIR, fashion:DIR (IDX files) "
                    + "or cifar10:DIR (binary batches); default: ${DEFAULT-VALUE}.")
    private String data;

    @Option(names = "--download", description = "Fetch the mnist, fashion or cifar10 files into DIR first (verified; "
            + "nothing is fetched if they are there).")
    private boolean download;

    @Option(names = "--size", paramLabel = "HxW", defaultValue = "96x96",
            description = "Resize images:DIR pictures to this size (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--rotation", paramLabel = "DEGREES", description = "rotationRange: rotations in [-DEGREES, DEGREES].")
    private Double rotation;

    @Option(names = "--width-shift", paramLabel = "R", description = "widthShiftRange: a fraction of the width if below 1, else pixels.")
    private Double widthShift;

    @Option(names = "--height-shift", paramLabel = "R", description = "heightShiftRange: a fraction of the height if below 1, else pixels.")
    private Double heightShift;

    @Option(names = "--zoom", paramLabel = "R", description = "zoomRange: zoom factors in [1 - R, 1 + R].")
    private Double zoom;

    @Option(names = "--horizontal-flip", description = "horizontalFlip: mirror left-right half of the time.")
    private boolean horizontalFlip;

    @Option(names = "--vertical-flip", description = "verticalFlip: mirror top-bottom half of the time.")
    private boolean verticalFlip;

    @Option(names = "--brightness", paramLabel = "LO,HI", split = ",", description = "brightnessRange: factors in [LO, HI].")
    private double[] brightness;

    @Option(names = "--fill-mode", paramLabel = "MODE", defaultValue = "nearest",
            description = "constant, nearest, reflect or wrap (default: ${DEFAULT-VALUE}).")
    private String fillMode;

    @Option(names = "--cval", defaultValue = "0", description = "The value outside the image for --fill-mode constant (default: ${DEFAULT-VALUE}).")
    private double cval;

    @Option(names = "--rows", defaultValue = "6", description = "Samples shown (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--cols", defaultValue = "8", description = "Columns: the original and COLS - 1 augmentations (default: ${DEFAULT-VALUE}).")
    private int cols;

    @Option(names = "--scale", description = "Screen pixels per image pixel (default: cells about 96 pixels wide).")
    private Integer scale;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public void run() {
        ImageAugmenter augmenter = augmenter();
        PrintWriter out = spec.commandLine().getOut();
        try {
            Dataset dataset = dataset();
            if (rows > dataset.size()) {
                throw new ParameterException(spec.commandLine(), "--rows " + rows + " exceeds the " + dataset.size()
                        + " samples of " + data);
            }
            int pixels = scale != null ? scale : AugmentPreview.autoScale(dataset);
            AugmentPreview.write(dataset, augmenter, rows, cols, pixels, seed, preview);
        } catch (IOException e) {
            throw new UncheckedIOException("augment: " + e.getMessage(), e);
        }
        out.printf("wrote %s: %d samples of %s, the original and %d augmentations each, by %s%n", preview, rows, data,
                cols - 1, augmenter.transform().transforms());
        out.flush();
    }

    private ImageAugmenter augmenter() {
        require(rows >= 1, "--rows must be at least 1, got " + rows);
        require(cols >= 2, "--cols must be at least 2 (the original and an augmentation), got " + cols);
        require(scale == null || scale >= 1, "--scale must be at least 1, got " + scale);
        require(brightness == null || brightness.length == 2, "--brightness takes LO,HI, e.g. 0.8,1.2");
        boolean none = rotation == null && widthShift == null && heightShift == null && zoom == null && !horizontalFlip
                && !verticalFlip && brightness == null;
        ImageAugmenter.Builder b = ImageAugmenter.builder().horizontalFlip(horizontalFlip).verticalFlip(verticalFlip)
                .cval(cval).seed(seed);
        b.rotationRange(value(rotation, none ? 15 : 0)).widthShiftRange(value(widthShift, none ? 0.1 : 0))
                .heightShiftRange(value(heightShift, none ? 0.1 : 0)).zoomRange(value(zoom, none ? 0.1 : 0));
        if (brightness != null) {
            b.brightnessRange(brightness[0], brightness[1]);
        }
        try {
            return b.fillMode(FillMode.parse(fillMode)).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static double value(Double option, double otherwise) {
        return option != null ? option : otherwise;
    }

    private Dataset dataset() throws IOException {
        if (data.equals("digits")) {
            require(!download, "--download works with mnist, fashion and cifar10; the digits are built in");
            return Digits.load();
        }
        int colon = data.indexOf(':');
        require(colon > 0 && colon < data.length() - 1, "--data: expected " + SOURCES + ", got '" + data + "'");
        String kind = data.substring(0, colon);
        Path dir = Path.of(data.substring(colon + 1));
        require(!download || !kind.equals("images"), "--download works with mnist, fashion and cifar10, not an image folder");
        return switch (kind) {
            case "images" -> ImageFolder.builder(dir).targetSize(targetSize()[0], targetSize()[1]).open();
            case "mnist" -> MnistDataset.train(download ? MnistDataset.download(dir) : dir);
            case "fashion" -> FashionMnistDataset.train(download ? FashionMnistDataset.download(dir) : dir);
            case "cifar10" -> Cifar10Dataset.train(download ? Cifar10Dataset.download(dir) : dir);
            default -> throw new ParameterException(spec.commandLine(), "--data: unknown source '" + kind
                    + "', expected " + SOURCES);
        };
    }

    /** {@code --size} as {height, width}. */
    private int[] targetSize() {
        Matcher m = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})").matcher(size.trim());
        if (m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(2)) >= 1) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        throw new ParameterException(spec.commandLine(), "--size: expected HxW such as 96x96, got '" + size + "'");
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
