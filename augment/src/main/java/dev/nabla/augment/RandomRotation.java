package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Rotates an image about its centre by an angle drawn uniformly from {@code [min, max]} degrees,
 * counterclockwise as seen on screen, with bilinear sampling. Keras's {@code rotation_range=r}
 * and torchvision's {@code RandomRotation(r)} are {@code new RandomRotation(r)}.
 */
public final class RandomRotation extends GeometricTransform {
    private static final String OP = "RandomRotation";
    private final Range degrees;

    /**
     * Angles in {@code [-degrees, degrees]}, Keras's default fill {@link FillMode#NEAREST}.
     *
     * @throws IllegalArgumentException if {@code degrees} is negative or not finite
     */
    public RandomRotation(double degrees) {
        this(Range.symmetric(OP, "degrees", degrees), FillMode.NEAREST, 0);
    }

    /**
     * Angles in {@code [min, max]} degrees; {@code min == max} rotates by exactly that angle.
     *
     * @throws IllegalArgumentException if the range is not finite or {@code min > max}, or the fill value is not finite
     */
    public RandomRotation(double min, double max, FillMode fill, double fillValue) {
        this(Range.of(OP, "degrees", min, max), fill, fillValue);
    }

    private RandomRotation(Range degrees, FillMode fill, double fillValue) {
        super(OP, fill, fillValue);
        this.degrees = degrees;
    }

    @Override
    public Affine sample(Rng rng, int height, int width) {
        return Affine.rotation(degrees.draw(rng), centreX(width), centreY(height));
    }

    @Override
    protected String parameters() {
        return "degrees=" + degrees;
    }
}
