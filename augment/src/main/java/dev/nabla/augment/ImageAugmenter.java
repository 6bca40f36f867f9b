package dev.nabla.augment;

import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import dev.nabla.data.ImageFolder;
import dev.nabla.tensor.random.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Image augmentation with the vocabulary of Keras's {@code ImageDataGenerator}, built from this
 * module's transforms and applied by a {@link DataLoader} in its worker threads.
 *
 * <pre>{@code
 * ImageAugmenter augmenter = ImageAugmenter.builder()
 *         .rotationRange(20).widthShiftRange(0.1).heightShiftRange(0.1)
 *         .zoomRange(0.1).horizontalFlip(true).rescale(1 / 255.0).seed(42).build();
 * DataLoader train = augmenter.flowFromDirectory(Path.of("hymenoptera/train"), 64, 64, 32, ClassMode.SPARSE);
 * }</pre>
 *
 * <p>The pipeline, in Keras's order: one {@link RandomAffine} for rotation, shift and zoom (one
 * bilinear resampling), the flips, brightness, then rescaling. Each image gets its own generator
 * from the loader, so an epoch is the same for a seed whatever the number of workers.
 */
public final class ImageAugmenter implements ImageTransform {
    private final Compose pipeline;
    private final Long seed;
    private final int workers;

    private ImageAugmenter(Compose pipeline, Long seed, int workers) {
        this.pipeline = pipeline;
        this.seed = seed;
        this.workers = workers;
    }

    /** A builder with Keras's defaults: no transform at all, fill mode {@code nearest}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code [C, H, W]} in, {@code [C, H, W]} out: the whole pipeline. */
    @Override
    public HostImage apply(HostImage image, Rng rng) {
        return pipeline.apply(image, rng);
    }

    /** The transforms this augmenter applies, in order. */
    public Compose transform() {
        return pipeline;
    }

    /**
     * A loader builder over {@code dataset} with this augmentation as its sample transform,
     * shuffling with the augmenter's seed (else one drawn from {@link Rng#global()}) and the
     * augmenter's worker count; set the batch size and anything else on it, then build.
     */
    public DataLoader.Builder flow(Dataset dataset) {
        return DataLoader.builder(dataset).shuffle(seed != null ? seed : Rng.global().nextLong()).workers(workers)
                .sampleTransform(this);
    }

    /**
     * Keras's {@code flow_from_directory}: the RGB images under {@code directory} (one folder per
     * class, see {@link ImageFolder}) resized to {@code height x width}, augmented and batched:
     * features {@code [N, 3, height, width]}, labels {@code [N]}.
     *
     * @throws java.nio.file.NoSuchFileException if the folder does not exist
     * @throws dev.nabla.data.DatasetFormatException if it holds no class folder or an empty one
     * @throws IllegalArgumentException if {@link ClassMode#BINARY} meets other than two classes, or a size is below 1
     */
    public DataLoader flowFromDirectory(Path directory, int height, int width, int batchSize, ClassMode classMode)
            throws IOException {
        return flowFromDirectory(ImageFolder.builder(directory).targetSize(height, width), batchSize, classMode);
    }

    /**
     * As {@link #flowFromDirectory(Path, int, int, int, ClassMode)} with any folder settings
     * (grayscale, resize method, unreadable files); set a target size so that batches stack.
     */
    public DataLoader flowFromDirectory(ImageFolder.Builder folder, int batchSize, ClassMode classMode)
            throws IOException {
        ImageFolder images = folder.open();
        classMode.check(images, images.root());
        return flow(images).batchSize(batchSize).build();
    }

    @Override
    public String toString() {
        return "ImageAugmenter(" + pipeline.transforms() + ")";
    }

    /** Settings of an {@link ImageAugmenter}, with Keras's names; every one is optional. Validated in {@link #build()}. */
    public static final class Builder {
        private double rotationRange;
        private double widthShiftRange;
        private double heightShiftRange;
        private double zoomLower = 1;
        private double zoomUpper = 1;
        private boolean horizontalFlip;
        private boolean verticalFlip;
        private double brightnessLower = 1;
        private double brightnessUpper = 1;
        private double rescale = 1;
        private FillMode fillMode = FillMode.NEAREST;
        private double cval;
        private Long seed;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

        private Builder() {
        }

        /** Rotations drawn from {@code [-degrees, degrees]}; default 0. */
        public Builder rotationRange(double degrees) {
            this.rotationRange = degrees;
            return this;
        }

        /** Horizontal shifts up to this fraction of the width if below 1, else this many pixels; default 0. */
        public Builder widthShiftRange(double range) {
            this.widthShiftRange = range;
            return this;
        }

        /** Vertical shifts up to this fraction of the height if below 1, else this many pixels; default 0. */
        public Builder heightShiftRange(double range) {
            this.heightShiftRange = range;
            return this;
        }

        /** Zoom factors from {@code [1 - range, 1 + range]}, drawn per axis (see {@link RandomZoom}); default 0. */
        public Builder zoomRange(double range) {
            return zoomRange(1 - range, 1 + range);
        }

        /** Zoom factors from {@code [lower, upper]} (below 1 zooms in, as in Keras); default {@code [1, 1]}. */
        public Builder zoomRange(double lower, double upper) {
            this.zoomLower = lower;
            this.zoomUpper = upper;
            return this;
        }

        /** Mirrors left-right with probability 1/2; default false. */
        public Builder horizontalFlip(boolean flip) {
            this.horizontalFlip = flip;
            return this;
        }

        /** Mirrors top-bottom with probability 1/2; default false. */
        public Builder verticalFlip(boolean flip) {
            this.verticalFlip = flip;
            return this;
        }

        /** Multiplies values by a factor from {@code [lower, upper]}; default {@code [1, 1]}. */
        public Builder brightnessRange(double lower, double upper) {
            this.brightnessLower = lower;
            this.brightnessUpper = upper;
            return this;
        }

        /** Multiplies values by {@code factor} after the random transforms, e.g. {@code 1 / 255.0}; default 1. */
        public Builder rescale(double factor) {
            this.rescale = factor;
            return this;
        }

        /** What rotation, shift and zoom read outside the image; default {@link FillMode#NEAREST}. */
        public Builder fillMode(FillMode mode) {
            this.fillMode = mode;
            return this;
        }

        /** The value outside the image for {@link FillMode#CONSTANT}; default 0. */
        public Builder cval(double value) {
            this.cval = value;
            return this;
        }

        /** The seed of shuffling and augmentation in {@link #flow} loaders; default: drawn from {@link Rng#global()}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Worker threads of {@link #flow} loaders; default half the processors, at least 1. */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * The augmenter.
         *
         * @throws IllegalArgumentException naming the setting if a range is negative or not finite, the
         *     zoom range does not stay above 0, the brightness range goes below 0, or workers is negative
         */
        public ImageAugmenter build() {
            requireRange("rotationRange", rotationRange);
            requireRange("widthShiftRange", widthShiftRange);
            requireRange("heightShiftRange", heightShiftRange);
            requireBounds("zoomRange", zoomLower, zoomUpper, false);
            requireBounds("brightnessRange", brightnessLower, brightnessUpper, true);
            require(Double.isFinite(rescale), "rescale must be finite, got " + rescale);
            require(Double.isFinite(cval), "cval must be finite, got " + cval);
            require(fillMode != null, "fillMode must not be null");
            require(workers >= 0, "workers must be >= 0, got " + workers);
            return new ImageAugmenter(new Compose(transforms()), seed, workers);
        }

        private List<ImageTransform> transforms() {
            List<GeometricTransform> geometry = new ArrayList<>();
            if (rotationRange > 0) {
                geometry.add(new RandomRotation(rotationRange));
            }
            if (widthShiftRange > 0) {
                geometry.add(shift(widthShiftRange, 0, widthShiftRange));
            }
            if (heightShiftRange > 0) {
                geometry.add(shift(0, heightShiftRange, heightShiftRange));
            }
            if (zoomLower != 1 || zoomUpper != 1) {
                geometry.add(new RandomZoom(zoomLower, zoomUpper));
            }
            List<ImageTransform> all = new ArrayList<>();
            if (!geometry.isEmpty()) {
                all.add(new RandomAffine(geometry, fillMode, cval));
            }
            if (horizontalFlip) {
                all.add(RandomFlip.horizontal(0.5));
            }
            if (verticalFlip) {
                all.add(RandomFlip.vertical(0.5));
            }
            if (brightnessLower != 1 || brightnessUpper != 1) {
                all.add(new RandomBrightness(brightnessLower, brightnessUpper));
            }
            if (rescale != 1) {
                all.add(new Rescale(rescale));
            }
            return all;
        }

        /** Keras reads a shift range below 1 as a fraction of the size and from 1 up as pixels. */
        private static RandomShift shift(double width, double height, double range) {
            RandomShift.Unit unit = range < 1 ? RandomShift.Unit.FRACTION : RandomShift.Unit.PIXELS;
            return new RandomShift(width, height, unit, FillMode.NEAREST, 0);
        }

        private static void requireRange(String name, double value) {
            require(value >= 0 && Double.isFinite(value), name + " must be finite and >= 0, got " + value);
        }

        private static void requireBounds(String name, double lower, double upper, boolean zeroAllowed) {
            boolean ok = Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper
                    && (zeroAllowed ? lower >= 0 : lower > 0);
            require(ok, name + " must be finite bounds [lower, upper] with " + (zeroAllowed ? "0 <= " : "0 < ")
                    + "lower <= upper, got [" + lower + ", " + upper + "]");
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("ImageAugmenter: " + message);
            }
        }
    }
}
