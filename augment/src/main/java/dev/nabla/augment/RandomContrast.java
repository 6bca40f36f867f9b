package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Scales every value's distance from the image mean by a factor drawn uniformly from
 * {@code [lower, upper]}: {@code mean + f (x - mean)}, where the mean is over all pixels and
 * channels (1 leaves the image as it is, 0 makes it flat grey). torchvision's
 * {@code ColorJitter(contrast)} does the same with the mean luminance, which is the same for one
 * channel. Values are not clipped.
 */
public final class RandomContrast implements ImageTransform {
    private static final String OP = "RandomContrast";
    private final Range factor;

    /**
     * @throws IllegalArgumentException if {@code lower < 0}, {@code lower > upper} or a bound is not finite
     */
    public RandomContrast(double lower, double upper) {
        this.factor = RandomBrightness.nonNegative(OP, lower, upper);
    }

    @Override
    public HostImage apply(HostImage image, Rng rng) {
        double f = factor.draw(rng);
        double sum = 0;
        for (float v : image.data()) {
            sum += v;
        }
        double mean = sum / image.data().length;
        return image.linear(f, mean * (1 - f));
    }

    @Override
    public String toString() {
        return OP + "(factor=" + factor + ")";
    }
}
