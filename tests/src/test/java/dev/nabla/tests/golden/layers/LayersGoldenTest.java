package dev.nabla.tests.golden.layers;

import dev.nabla.nn.Activation;
import dev.nabla.nn.BatchNorm1d;
import dev.nabla.nn.BatchNorm2d;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Embedding;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.LayerNorm;
import dev.nabla.nn.Module;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.layers.LayerGoldens.Built;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * BatchNorm1d/2d, LayerNorm, Dropout, Embedding, Flatten and the activations against PyTorch
 * (make_layers_goldens.py): outputs, input and parameter gradients, running statistics after the
 * forward pass, train and eval modes, and each module's printed form against torch's.
 */
class LayersGoldenTest {
    @TestFactory
    Stream<DynamicNode> goldens() {
        return LayerGoldens.tests("layers", (c, dtype) -> {
            Module m = build(c, dtype);
            if (!m.toString().equals(c.text("repr"))) {
                throw new AssertionError("case " + c + ": Nabla prints " + m + ", torch " + c.text("repr"));
            }
            return Built.of(m);
        });
    }

    private static Module build(LayerCase c, DType dtype) {
        Device device = Backends.defaultDevice();
        return switch (c.kind()) {
            case "BatchNorm1d" -> new BatchNorm1d(c.integer("features"), c.real("eps"), momentum(c), c.flag("affine"),
                    c.flag("track"), dtype, device);
            case "BatchNorm2d" -> new BatchNorm2d(c.integer("features"), c.real("eps"), momentum(c), c.flag("affine"),
                    c.flag("track"), dtype, device);
            case "LayerNorm" -> new LayerNorm(c.integers("shape"), c.real("eps"), c.flag("affine"), dtype, device);
            case "Dropout" -> new Dropout(c.real("p"), new Rng(0));
            case "Embedding" -> new Embedding(c.integer("num"), c.integer("dim"),
                    c.has("padding") ? c.integer("padding") : null, new Rng(0), dtype, device);
            case "Flatten" -> new Flatten(c.integer("start"), c.integer("end"));
            case "ReLU" -> Activation.relu();
            case "LeakyReLU" -> Activation.leakyRelu(c.real("slope"));
            case "ELU" -> Activation.elu(c.real("alpha"));
            case "GELU" -> Activation.gelu(c.text("approximate"));
            case "SiLU" -> Activation.silu();
            case "Sigmoid" -> Activation.sigmoid();
            case "Tanh" -> Activation.tanh();
            case "Softmax" -> Activation.softmax(c.integer("dim"));
            case "LogSoftmax" -> Activation.logSoftmax(c.integer("dim"));
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        };
    }

    /** The momentum, or null for torch's momentum=None (a cumulative average). */
    private static Double momentum(LayerCase c) {
        return c.has("momentum") ? c.real("momentum") : null;
    }
}
