package dev.nabla.train.presets;

import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.nn.Activation;
import dev.nabla.nn.BatchNorm2d;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Module;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Sequential} layer by layer while following the shape of one sample
 * ({@code [C, H, W]}, then {@code [F]} after {@link #flatten}), so each layer gets its input
 * size from the one before and a map that shrinks to nothing is reported with the layer that
 * did it.
 */
final class LayerStack {
    private final String preset;
    private final Shape input;
    private final Rng rng;
    private final DType dtype;
    private final Device device;
    private final List<Module> layers = new ArrayList<>();
    private int channels;
    private int height;
    private int width;
    private int features;

    LayerStack(String preset, Shape input, Rng rng, DType dtype, Device device) {
        this.preset = preset;
        this.input = input;
        this.rng = rng;
        this.dtype = dtype;
        this.device = device;
        if (input.rank() == 3) {
            channels = input.dim(0);
            height = input.dim(1);
            width = input.dim(2);
        }
        features = input.numel();
    }

    /**
     * A convolution with {@code out} square {@code kernel} filters and {@code padding}, stride 1.
     *
     * @throws IllegalArgumentException if the input is not {@code [C, H, W]} or the map gets empty
     */
    LayerStack conv(int out, int kernel, int padding) {
        requireImage();
        layers.add(new Conv2d(channels, out, Size2.of(kernel), ConvOptions.DEFAULT.padding(padding), true, rng,
                dtype, device));
        return resize(out, height + 2 * padding - kernel + 1, width + 2 * padding - kernel + 1,
                "conv " + out + "@" + kernel + "x" + kernel + " pad " + padding);
    }

    /** Batch normalization over the channels with PyTorch's defaults: eps 1e-5, momentum 0.1, affine. */
    LayerStack batchNorm() {
        requireImage();
        layers.add(new BatchNorm2d(channels, 1e-5, 0.1, true, true, dtype, device));
        return this;
    }

    LayerStack relu() {
        layers.add(Activation.relu());
        return this;
    }

    /** Max pooling over non-overlapping {@code size x size} windows. */
    LayerStack maxPool(int size) {
        requireImage();
        layers.add(new MaxPool2d(size));
        return resize(channels, height / size, width / size, "max-pool " + size);
    }

    /** Flattens the map (or a sample of any rank) into {@code [F]}. */
    LayerStack flatten() {
        layers.add(new Flatten());
        channels = 0;
        return this;
    }

    /** A fully connected layer from the current features to {@code out}. */
    LayerStack dense(int out) {
        if (channels != 0) {
            throw new IllegalStateException(preset + ": flatten the map before a dense layer");
        }
        layers.add(new Linear(features, out, true, rng, dtype, device));
        features = out;
        return this;
    }

    Sequential build() {
        return new Sequential(layers.toArray(Module[]::new));
    }

    private LayerStack resize(int c, int h, int w, String layer) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(preset + ": input " + input + " is too small: after layer "
                    + (layers.size() - 1) + " (" + layer + ") the feature map would be " + h + "x" + w
                    + "; use larger images or a preset for small ones (small-cnn)");
        }
        channels = c;
        height = h;
        width = w;
        features = c * h * w;
        return this;
    }

    private void requireImage() {
        if (channels == 0) {
            throw new IllegalArgumentException(preset + ": input " + input + " must be one image [C, H, W]"
                    + " (without the batch axis), e.g. [1, 28, 28]");
        }
    }
}
