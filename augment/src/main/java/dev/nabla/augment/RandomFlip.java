package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/**
 * Mirrors an image left-right ({@link #horizontal}) or top-bottom ({@link #vertical}) with
 * probability {@code p}; pixels are copied exactly. Draws one double per image either way.
 */
public final class RandomFlip implements ImageTransform {
    private final boolean horizontal;
    private final double p;

    private RandomFlip(boolean horizontal, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomFlip: probability must be in [0, 1], got " + p);
        }
        this.horizontal = horizontal;
        this.p = p;
    }

    /**
     * Left-right mirroring with probability {@code p} (Keras's {@code horizontal_flip=True} is {@code p = 0.5}).
     *
     * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
     */
    public static RandomFlip horizontal(double p) {
        return new RandomFlip(true, p);
    }

    /**
     * Top-bottom mirroring with probability {@code p}.
     *
     * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
     */
    public static RandomFlip vertical(double p) {
        return new RandomFlip(false, p);
    }

    @Override
    public HostImage apply(HostImage image, Rng rng) {
        boolean flip = rng.nextDouble() < p;
        if (!flip) {
            return image.copy();
        }
        float[] in = image.data();
        int h = image.height();
        int w = image.width();
        float[] out = new float[in.length];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int to = (c * h + y) * w;
                int from = (c * h + (horizontal ? y : h - 1 - y)) * w;
                if (horizontal) {
                    for (int x = 0; x < w; x++) {
                        out[to + x] = in[from + w - 1 - x];
                    }
                } else {
                    System.arraycopy(in, from, out, to, w);
                }
            }
        }
        return new HostImage(out, image.channels(), h, w);
    }

    @Override
    public String toString() {
        return "RandomFlip(" + (horizontal ? "horizontal" : "vertical") + ", p=" + p + ")";
    }
}
