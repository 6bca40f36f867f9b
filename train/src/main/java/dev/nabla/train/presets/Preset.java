package dev.nabla.train.presets;

import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ready-made classifiers, by the names the command line, the benchmarks and the documentation
 * use. Each adapts to the data: the first layer takes the sample's channels, and the first dense
 * layer's input size is computed from the sample's shape. The layer sizes below are for MNIST
 * ({@code [1, 28, 28]}, 10 classes); the last layer has one output per class.
 *
 * <pre>{@code
 * Sequential model = Preset.byName("lenet5").create(Shape.of(1, 28, 28), 10);
 * }</pre>
 */
public enum Preset {
    /** {@code mlp}: flatten, dense 784-256, ReLU, dense 256-128, ReLU, dense 128-10 (235,146 parameters). */
    MLP("mlp", "multilayer perceptron 256-128 with ReLU") {
        @Override
        LayerStack layers(LayerStack s, int classes) {
            return s.flatten().dense(256).relu().dense(128).relu().dense(classes);
        }
    },
    /**
     * {@code lenet5}: conv 6@5x5 pad 2, ReLU, max-pool 2, conv 16@5x5, ReLU, max-pool 2, dense
     * 400-120, ReLU, dense 120-84, ReLU, dense 84-10 (61,706 parameters); needs 12x12 or larger.
     */
    LENET5("lenet5", "LeNet-5: two 5x5 convolutions with max pooling, dense 120-84") {
        @Override
        LayerStack layers(LayerStack s, int classes) {
            return s.conv(6, 5, 2).relu().maxPool(2).conv(16, 5, 0).relu().maxPool(2)
                    .flatten().dense(120).relu().dense(84).relu().dense(classes);
        }
    },
    /**
     * {@code cnn-bn}: conv 32@3x3 pad 1, batch norm, ReLU, max-pool 2, conv 64@3x3 pad 1, batch
     * norm, ReLU, max-pool 2, dense 3136-128, ReLU, dense 128-10 (421,834 parameters).
     */
    CNN_BN("cnn-bn", "two 3x3 convolutions with batch norm and max pooling, dense 128") {
        @Override
        LayerStack layers(LayerStack s, int classes) {
            return s.conv(32, 3, 1).batchNorm().relu().maxPool(2).conv(64, 3, 1).batchNorm().relu().maxPool(2)
                    .flatten().dense(128).relu().dense(classes);
        }
    },
    /**
     * {@code small-cnn}, sized for the 8x8 digits: conv 16@3x3 pad 1, ReLU, max-pool 2, conv
     * 32@3x3 pad 1, ReLU, max-pool 2, dense 128-64, ReLU, dense 64-10 (13,706 parameters on
     * {@code [1, 8, 8]}).
     */
    SMALL_CNN("small-cnn", "small CNN for 8x8 images: two 3x3 convolutions with max pooling, dense 64") {
        @Override
        LayerStack layers(LayerStack s, int classes) {
            return s.conv(16, 3, 1).relu().maxPool(2).conv(32, 3, 1).relu().maxPool(2)
                    .flatten().dense(64).relu().dense(classes);
        }
    };

    private final String id;
    private final String description;

    Preset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The layers after the input, ending with {@code classes} outputs. */
    abstract LayerStack layers(LayerStack stack, int classes);

    /** The name on the command line, e.g. {@code "cnn-bn"}. */
    public String id() {
        return id;
    }

    /** One line saying what the model is. */
    public String description() {
        return description;
    }

    /**
     * The preset called {@code name}.
     *
     * @throws IllegalArgumentException if there is none, listing the names
     */
    public static Preset byName(String name) {
        for (Preset p : values()) {
            if (p.id.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("preset: unknown model '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Preset::id).toList());
    }

    /** The model for samples of shape {@code input}, F32 on the default device, from the global generator. */
    public Sequential create(Shape input, int classes) {
        return create(input, classes, Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * The model for samples of shape {@code input} ({@code [C, H, W]} without the batch axis; the
     * {@code mlp} also takes {@code [F]}), taking batches {@code [N, ...input]} to class scores
     * {@code [N, classes]}.
     *
     * @param rng the generator of the initial weights
     * @throws IllegalArgumentException if {@code classes < 2}, the shape has a zero size or is not
     *                                  an image for a convolutional preset, or the image is too
     *                                  small for its poolings
     */
    public Sequential create(Shape input, int classes, Rng rng, DType dtype, Device device) {
        Objects.requireNonNull(input, id + ": input shape");
        if (classes < 2) {
            throw new IllegalArgumentException(id + ": needs at least 2 classes, got " + classes);
        }
        if (input.rank() == 0 || input.numel() == 0) {
            throw new IllegalArgumentException(id + ": input shape " + input + " must be a sample shape with no zero"
                    + " sizes, [C, H, W] or [F]");
        }
        return layers(new LayerStack(id, input, rng, dtype, device), classes).build();
    }

    @Override
    public String toString() {
        return id;
    }
}
