package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Moves an image by a random offset: right by {@code dx} drawn uniformly from
 * {@code [-width, width]} and down by {@code dy} from {@code [-height, height]}, in the chosen
 * {@link Unit}. Keras's {@code width_shift_range=0.1, height_shift_range=0.1} is
 * {@code new RandomShift(0.1, 0.1)}.
 */
public final class RandomShift extends GeometricTransform {
    private static final String OP = "RandomShift";

    /** How the ranges are measured. */
    public enum Unit {
        /** A fraction of the image's width (for {@code dx}) or height (for {@code dy}). */
        FRACTION,
        /** Pixels, any real offset (bilinear sampling blends neighbours). */
        PIXELS,
        /** Whole pixels, each integer in the range equally likely: pixels move without blending. */
        WHOLE_PIXELS
    }

    private final Range dx;
    private final Range dy;
    private final Unit unit;

    /**
     * Offsets up to the given fractions of the image size, Keras's default fill {@link FillMode#NEAREST}.
     *
     * @throws IllegalArgumentException if a fraction is negative or not finite
     */
    public RandomShift(double widthFraction, double heightFraction) {
        this(widthFraction, heightFraction, Unit.FRACTION, FillMode.NEAREST, 0);
    }

    /**
     * @param width     the largest horizontal offset, in {@code unit}
     * @param height    the largest vertical offset, in {@code unit}
     * @param unit      how {@code width} and {@code height} are measured
     * @param fill      what the uncovered border reads
     * @param fillValue the value for {@link FillMode#CONSTANT}
     * @throws IllegalArgumentException if a range is negative or not finite, or not an integer for {@link Unit#WHOLE_PIXELS}
     */
    public RandomShift(double width, double height, Unit unit, FillMode fill, double fillValue) {
        super(OP, fill, fillValue);
        this.dx = Range.symmetric(OP, "width", width);
        this.dy = Range.symmetric(OP, "height", height);
        this.unit = unit;
        if (unit == Unit.WHOLE_PIXELS && (width != Math.rint(width) || height != Math.rint(height))) {
            throw new IllegalArgumentException(OP + ": whole-pixel ranges must be integers, got width=" + width
                    + " height=" + height);
        }
    }

    @Override
    public Affine sample(Rng rng, int height, int width) {
        return Affine.translation(draw(dx, width, rng), draw(dy, height, rng));
    }

    private double draw(Range range, int size, Rng rng) {
        return switch (unit) {
            case FRACTION -> range.draw(rng) * size;
            case PIXELS -> range.draw(rng);
            case WHOLE_PIXELS -> rng.nextInt(2 * (int) range.upper() + 1) - range.upper();
        };
    }

    @Override
    protected String parameters() {
        return "width=" + dx.upper() + ", height=" + dy.upper() + ", unit=" + unit;
    }
}
