package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Multiplies every value by a fixed factor, as Keras's {@code rescale=1/255} does (after the
 * random transforms). Draws nothing.
 */
public final class Rescale implements ImageTransform {
    private final double factor;

    /**
     * @throws IllegalArgumentException if {@code factor} is not finite
     */
    public Rescale(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("Rescale: factor must be finite, got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public HostImage apply(HostImage image, Rng rng) {
        return image.linear(factor, 0);
    }

    @Override
    public String toString() {
        return "Rescale(" + factor + ")";
    }
}
