package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;

/** Test images. */
final class Images {
    private Images() {
    }

    /** Distinct values {@code 0, 1, 2, ...} in channel-major order, so every pixel is identifiable. */
    static HostImage counting(int channels, int height, int width) {
        float[] data = new float[channels * height * width];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return new HostImage(data, channels, height, width);
    }

    /** Uniform random values in [0, 1). */
    static HostImage random(long seed, int channels, int height, int width) {
        float[] data = new float[channels * height * width];
        new Rng(seed).fillUniform(data, 0, 1);
        return new HostImage(data, channels, height, width);
    }
}
