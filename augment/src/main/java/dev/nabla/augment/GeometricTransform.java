package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;
import java.util.Objects;

/**
 * A transform that moves pixels by a random affine map and resamples bilinearly, keeping the
 * image's shape. A subclass only draws the map ({@link #sample}); several of them fuse into one
 * resampling with {@link RandomAffine}.
 */
public abstract class GeometricTransform implements ImageTransform {
    private final FillMode fill;
    private final float fillValue;

    /**
     * @param op        the transform's name, for messages
     * @param fill      what samples outside the image read
     * @param fillValue the value for {@link FillMode#CONSTANT}
     * @throws IllegalArgumentException if {@code fillValue} is not finite
     */
    protected GeometricTransform(String op, FillMode fill, double fillValue) {
        Objects.requireNonNull(fill, op + ": fill mode");
        if (!Double.isFinite(fillValue)) {
            throw new IllegalArgumentException(op + ": fill value must be finite, got " + fillValue);
        }
        this.fill = fill;
        this.fillValue = (float) fillValue;
    }

    /**
     * Draws the map from input to output pixel coordinates for an image of the given size.
     *
     * @param rng    advanced by the draws made
     * @param height the image height H
     * @param width  the image width W
     */
    public abstract Affine sample(Rng rng, int height, int width);

    /**
     * {@code [C, H, W]} in, {@code [C, H, W]} out: the image moved by a map drawn with
     * {@link #sample}. An identity map gives an exact copy.
     */
    @Override
    public final HostImage apply(HostImage image, Rng rng) {
        Affine map = sample(rng, image.height(), image.width());
        if (map.isIdentity()) {
            return image.copy();
        }
        return Sampler.bilinear(image, map.inverse(), fill, fillValue);
    }

    /** The drawing parameters, for {@link #toString()}, e.g. {@code degrees=[-20.0, 20.0]}. */
    protected abstract String parameters();

    /** The transform without its fill settings, e.g. {@code RandomRotation(degrees=[-20.0, 20.0])}. */
    final String describe() {
        return getClass().getSimpleName() + "(" + parameters() + ")";
    }

    /** For example {@code RandomRotation(degrees=[-20.0, 20.0], fill=nearest)}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "(" + parameters() + ", fill=" + fill
                + (fill == FillMode.CONSTANT ? ", value=" + fillValue : "") + ")";
    }

    /** What samples outside the image read. */
    public FillMode fillMode() {
        return fill;
    }

    /** The value read outside the image under {@link FillMode#CONSTANT}. */
    public float fillValue() {
        return fillValue;
    }

    /** The centre column of an image {@code width} wide, {@code (W - 1) / 2}, as Keras uses. */
    static double centreX(int width) {
        return (width - 1) / 2.0;
    }

    /** The centre row of an image {@code height} high, {@code (H - 1) / 2}. */
    static double centreY(int height) {
        return (height - 1) / 2.0;
    }
}
