package dev.nabla.cli;

import dev.nabla.augment.FillMode;
import dev.nabla.augment.ImageAugmenter;
import picocli.CommandLine.Option;

/**
 * The image augmentation options shared by {@code nabla train} and {@code nabla augment}, named
 * after the settings of Keras's {@code ImageDataGenerator} (see {@link ImageAugmenter}).
 */
final class AugmentationOptions {
    @Option(names = "--rotation", paramLabel = "DEGREES", description = "Augment: rotations in [-DEGREES, DEGREES].")
    Double rotation;

    @Option(names = "--width-shift", paramLabel = "R",
            description = "Augment: horizontal shifts up to R, a fraction of the width if below 1, else pixels.")
    Double widthShift;

    @Option(names = "--height-shift", paramLabel = "R",
            description = "Augment: vertical shifts up to R, a fraction of the height if below 1, else pixels.")
    Double heightShift;

    @Option(names = "--zoom", paramLabel = "R", description = "Augment: zoom factors in [1 - R, 1 + R].")
    Double zoom;

    @Option(names = "--horizontal-flip", description = "Augment: mirror left-right half of the time.")
    boolean horizontalFlip;

    @Option(names = "--vertical-flip", description = "Augment: mirror top-bottom half of the time.")
    boolean verticalFlip;

    @Option(names = "--brightness", paramLabel = "LO,HI", split = ",", hideParamSyntax = true,
            description = "Augment: brightness factors in [LO, HI].")
    double[] brightness;

    @Option(names = "--fill-mode", paramLabel = "MODE", defaultValue = "nearest",
            description = "Augment: what lies outside a moved image: constant, nearest, reflect or wrap (default: "
                    + "${DEFAULT-VALUE}).")
    String fillMode;

    @Option(names = "--cval", defaultValue = "0", paramLabel = "VALUE",
            description = "Augment: the value outside the image with --fill-mode constant (default: ${DEFAULT-VALUE}).")
    double cval;

    /**
     * Checks the values that need no image to be checked, so a mistake is reported even when no
     * transform is asked for.
     *
     * @throws IllegalArgumentException naming the option
     */
    void check() {
        FillMode.parse(fillMode);
        if (brightness != null && brightness.length != 2) {
            throw new IllegalArgumentException("--brightness takes LO,HI, e.g. 0.8,1.2");
        }
    }

    /** Whether no transform is asked for. */
    boolean none() {
        return rotation == null && widthShift == null && heightShift == null && zoom == null && !horizontalFlip
                && !verticalFlip && brightness == null;
    }

    /**
     * The augmenter of these options; where a transform is not given, the value of {@code unset}.
     *
     * @throws IllegalArgumentException naming the option if a value is out of range
     */
    ImageAugmenter build(long seed, Unset unset) {
        check();
        ImageAugmenter.Builder b = ImageAugmenter.builder().horizontalFlip(horizontalFlip).verticalFlip(verticalFlip)
                .cval(cval).seed(seed).fillMode(FillMode.parse(fillMode))
                .rotationRange(or(rotation, unset.rotation())).widthShiftRange(or(widthShift, unset.shift()))
                .heightShiftRange(or(heightShift, unset.shift())).zoomRange(or(zoom, unset.zoom()));
        if (brightness != null) {
            b.brightnessRange(brightness[0], brightness[1]);
        }
        return b.build();
    }

    /** The ranges of the transforms not given on the command line. */
    record Unset(double rotation, double shift, double zoom) {
        /** Nothing: a transform not given is not applied. */
        static final Unset NONE = new Unset(0, 0, 0);
    }

    private static double or(Double option, double otherwise) {
        return option != null ? option : otherwise;
    }
}
