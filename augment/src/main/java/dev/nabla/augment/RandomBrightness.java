package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Multiplies every value by a factor drawn uniformly from {@code [lower, upper]} (1 leaves the
 * image as it is, 0 makes it black), like Keras's {@code brightness_range} and torchvision's
 * {@code ColorJitter(brightness)}. Values are not clipped, since images may be rescaled or
 * standardized; apply it before standardizing.
 */
public final class RandomBrightness implements ImageTransform {
    private static final String OP = "RandomBrightness";
    private final Range factor;

    /**
     * @throws IllegalArgumentException if {@code lower < 0}, {@code lower > upper} or a bound is not finite
     */
    public RandomBrightness(double lower, double upper) {
        this.factor = nonNegative(OP, lower, upper);
    }

    @Override
    public HostImage apply(HostImage image, Rng rng) {
        return image.linear(factor.draw(rng), 0);
    }

    /** A factor range that must not go below zero. */
    static Range nonNegative(String op, double lower, double upper) {
        Range range = Range.of(op, "factor", lower, upper);
        if (lower < 0) {
            throw new IllegalArgumentException(op + ": factors must be >= 0, got " + range);
        }
        return range;
    }

    @Override
    public String toString() {
        return OP + "(factor=" + factor + ")";
    }
}
