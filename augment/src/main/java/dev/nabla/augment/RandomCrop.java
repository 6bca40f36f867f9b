package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;
import java.util.Objects;

/**
 * Pads an image by {@code padding} pixels on every side, then cuts a {@code height x width}
 * window at a uniformly random position, as torchvision's {@code RandomCrop(size, padding)}:
 * {@code [C, H, W]} in, {@code [C, height, width]} out. Pixels are copied, never interpolated.
 * With the image's own size the crop is a random whole-pixel shift of up to {@code padding}.
 */
public final class RandomCrop implements ImageTransform {
    private static final String OP = "RandomCrop";
    private final int height;
    private final int width;
    private final int padding;
    private final FillMode fill;
    private final float fillValue;

    /** A square crop of side {@code size}, padding filled with zeros (torchvision's default). */
    public RandomCrop(int size, int padding) {
        this(size, size, padding, FillMode.CONSTANT, 0);
    }

    /**
     * @param height    the output height, at least 1
     * @param width     the output width, at least 1
     * @param padding   pixels added on every side before cropping, at least 0
     * @param fill      what the padding reads ({@link FillMode#REFLECT} is torchvision's "symmetric")
     * @param fillValue the value for {@link FillMode#CONSTANT}
     * @throws IllegalArgumentException if a size is below 1, the padding is negative or the fill value is not finite
     */
    public RandomCrop(int height, int width, int padding, FillMode fill, double fillValue) {
        if (height < 1 || width < 1 || padding < 0) {
            throw new IllegalArgumentException(OP + ": size must be at least 1x1 and padding >= 0, got "
                    + height + "x" + width + " padding " + padding);
        }
        if (!Double.isFinite(fillValue)) {
            throw new IllegalArgumentException(OP + ": fill value must be finite, got " + fillValue);
        }
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.fill = Objects.requireNonNull(fill, OP + ": fill mode");
        this.fillValue = (float) fillValue;
    }

    /**
     * @throws IllegalArgumentException if the padded image is smaller than the crop
     */
    @Override
    public HostImage apply(HostImage image, Rng rng) {
        int spareRows = image.height() + 2 * padding - height;
        int spareColumns = image.width() + 2 * padding - width;
        if (spareRows < 0 || spareColumns < 0) {
            throw new IllegalArgumentException(OP + ": a " + height + "x" + width + " crop does not fit in image "
                    + image.shape() + " padded by " + padding + "; pad more or crop less");
        }
        int top = rng.nextInt(spareRows + 1) - padding;
        int left = rng.nextInt(spareColumns + 1) - padding;
        return Sampler.window(image, top, left, height, width, fill, fillValue);
    }

    @Override
    public String toString() {
        return OP + "(size=" + height + "x" + width + ", padding=" + padding + ", fill=" + fill + ")";
    }
}
