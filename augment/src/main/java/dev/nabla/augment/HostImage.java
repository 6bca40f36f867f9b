package dev.nabla.augment;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;

/**
 * An image of shape {@code [C, H, W]} held in a float array on the host, channel-major then
 * row-major: element {@code (c, y, x)} is {@code data[(c * height + y) * width + x]}. Transforms
 * work on this form so that a {@link Compose} of several converts to and from a tensor once.
 *
 * <p>The array is not copied: transforms never modify an image they are given (a data set may
 * hand out its own array) and always return a new one.
 *
 * @param data     {@code channels * height * width} values
 * @param channels C, at least 1
 * @param height   H, at least 1
 * @param width    W, at least 1
 */
public record HostImage(float[] data, int channels, int height, int width) {
    /**
     * @throws IllegalArgumentException if a size is below 1 or the array length is not {@code C * H * W}
     */
    public HostImage {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image: sizes must be at least 1, got [" + channels + ", "
                    + height + ", " + width + "]");
        }
        if (data == null || data.length != (long) channels * height * width) {
            throw new IllegalArgumentException("image: shape [" + channels + ", " + height + ", " + width
                    + "] needs " + (long) channels * height * width + " values, got "
                    + (data == null ? "null" : data.length));
        }
    }

    /** A zero image of shape {@code [channels, height, width]}. */
    public static HostImage zeros(int channels, int height, int width) {
        return new HostImage(new float[channels * height * width], channels, height, width);
    }

    /**
     * The values of a {@code [C, H, W]} tensor, copied to the host as floats.
     *
     * @throws IllegalArgumentException if {@code image} is not of rank 3 or has a zero-size axis
     */
    public static HostImage of(Tensor image) {
        if (image.rank() != 3 || image.numel() == 0) {
            throw new IllegalArgumentException("image: expected a tensor of shape [C, H, W], got " + image.shape()
                    + (image.rank() == 2 ? " (add a channel axis with unsqueeze(0))" : ""));
        }
        return new HostImage(image.toFloatArray(), image.dim(0), image.dim(1), image.dim(2));
    }

    /** This image as a {@code [C, H, W]} tensor of {@code dtype} on {@code device}. */
    public Tensor toTensor(DType dtype, Device device) {
        return Tensor.fromArray(data, shape(), device).to(dtype);
    }

    /** {@code [C, H, W]}. */
    public Shape shape() {
        return Shape.of(channels, height, width);
    }

    /** Values in one channel plane, {@code H * W}. */
    public int planeSize() {
        return height * width;
    }

    /** A copy with its own array. */
    public HostImage copy() {
        return new HostImage(data.clone(), channels, height, width);
    }

    /** A new image of {@code value * scale + offset} for every value. */
    HostImage linear(double scale, double offset) {
        float[] out = new float[data.length];
        float s = (float) scale;
        float o = (float) offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] * s + o;
        }
        return new HostImage(out, channels, height, width);
    }

    /** The value at channel {@code c}, row {@code y}, column {@code x}. */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }
}
