package dev.nabla.tests.golden.layers;

import dev.nabla.nn.Activation;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.layers.LayerGoldens.Built;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Linear, and a Sequential of Linear layers and activations, against PyTorch (make_linear_goldens.py). */
class LinearGoldenTest {
    @TestFactory
    Stream<DynamicNode> goldens() {
        return LayerGoldens.tests("linear", (c, dtype) -> switch (c.kind()) {
            case "Linear" -> Built.of(linear(c.integer("in"), c.integer("out"), c.flag("bias"), dtype));
            case "MLP" -> Built.of(new Sequential(linear(6, 8, true, dtype), Activation.relu(),
                    linear(8, 3, true, dtype), Activation.tanh(), linear(3, 1, true, dtype), Activation.sigmoid()));
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        });
    }

    private static Linear linear(int in, int out, boolean bias, DType dtype) {
        Device device = Backends.defaultDevice();
        return new Linear(in, out, bias, new Rng(0), dtype, device);
    }
}
