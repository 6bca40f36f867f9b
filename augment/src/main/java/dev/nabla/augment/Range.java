package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * A closed interval {@code [lower, upper]} that random parameters are drawn from uniformly; when
 * {@code lower == upper} the draw is exactly that value.
 */
record Range(double lower, double upper) {
    /**
     * @param op    the transform, for the message
     * @param what  the parameter, for the message
     * @throws IllegalArgumentException if a bound is not finite or {@code lower > upper}
     */
    static Range of(String op, String what, double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException(op + ": " + what + " must be a finite range [lower, upper] with lower <= upper, got ["
                    + lower + ", " + upper + "]");
        }
        return new Range(lower, upper);
    }

    /**
     * {@code [-width, width]}.
     *
     * @throws IllegalArgumentException if {@code width} is negative or not finite
     */
    static Range symmetric(String op, String what, double width) {
        if (!(width >= 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException(op + ": " + what + " must be finite and >= 0, got " + width);
        }
        return new Range(-width, width);
    }

    /** A uniform draw from this range; advances {@code rng} by one double. */
    double draw(Rng rng) {
        return lower + (upper - lower) * rng.nextDouble();
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
