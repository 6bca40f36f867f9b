package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Zooms about the centre as Keras's {@code ImageDataGenerator} does: factors {@code zx} and
 * {@code zy} are drawn independently from {@code [lower, upper]}, and output pixel {@code p}
 * shows the input at {@code centre + z (p - centre)}. So a factor below 1 enlarges the content
 * (zooms in) and above 1 shrinks it. Keras's {@code zoom_range=0.2} is
 * {@code new RandomZoom(0.8, 1.2)}.
 */
public final class RandomZoom extends GeometricTransform {
    private static final String OP = "RandomZoom";
    private final Range factor;

    /**
     * Factors in {@code [lower, upper]}, Keras's default fill {@link FillMode#NEAREST}.
     *
     * @throws IllegalArgumentException if {@code lower <= 0}, {@code lower > upper} or a bound is not finite
     */
    public RandomZoom(double lower, double upper) {
        this(lower, upper, FillMode.NEAREST, 0);
    }

    /**
     * @throws IllegalArgumentException if {@code lower <= 0}, {@code lower > upper}, a bound or the fill value is not finite
     */
    public RandomZoom(double lower, double upper, FillMode fill, double fillValue) {
        super(OP, fill, fillValue);
        this.factor = Range.of(OP, "factor", lower, upper);
        if (lower <= 0) {
            throw new IllegalArgumentException(OP + ": factors must be > 0, got [" + lower + ", " + upper + "]");
        }
    }

    @Override
    public Affine sample(Rng rng, int height, int width) {
        double zx = factor.draw(rng);
        double zy = factor.draw(rng);
        return Affine.scaling(1 / zx, 1 / zy, centreX(width), centreY(height));
    }

    @Override
    protected String parameters() {
        return "factor=" + factor;
    }
}
