package dev.nabla.tests.golden.layers;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.recurrent.GRU;
import dev.nabla.nn.recurrent.LSTM;
import dev.nabla.nn.recurrent.RNN;
import dev.nabla.nn.recurrent.RecurrentConfig;
import dev.nabla.nn.recurrent.RecurrentOutput;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.layers.LayerGoldens.Built;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * RNN, LSTM and GRU against PyTorch (make_recurrent_goldens.py): outputs, final states, and the
 * gradients of the inputs, the initial states and every parameter. Each case compares one tensor,
 * the flattened output, h_n and (LSTM) c_n concatenated, as the generator builds it; the inputs
 * are the sequence, then h0 (and c0) when the case gives them.
 */
class RecurrentGoldenTest {
    @TestFactory
    Stream<DynamicNode> goldens() {
        return LayerGoldens.tests("recurrent", (c, dtype) -> {
            RecurrentConfig config = new RecurrentConfig(c.integer("inputSize"), c.integer("hiddenSize"),
                    c.integer("numLayers"), c.flag("bias"), c.flag("batchFirst"), c.real("dropout"),
                    c.flag("bidirectional"));
            Rng rng = new Rng(0);
            Device device = Backends.defaultDevice();
            return switch (c.kind()) {
                case "RNN" -> {
                    RNN rnn = new RNN(config, RNN.Nonlinearity.valueOf(c.text("nonlinearity").toUpperCase()), rng,
                            dtype, device);
                    yield new Built(rnn, xs -> flattened(rnn.run(xs.get(0), xs.size() > 1 ? xs.get(1) : null)));
                }
                case "LSTM" -> {
                    LSTM lstm = new LSTM(config, rng, dtype, device);
                    yield new Built(lstm, xs -> flattened(xs.size() > 1 ? lstm.run(xs.get(0), xs.get(1), xs.get(2))
                            : lstm.run(xs.get(0))));
                }
                case "GRU" -> {
                    GRU gru = new GRU(config, rng, dtype, device);
                    yield new Built(gru, xs -> flattened(gru.run(xs.get(0), xs.size() > 1 ? xs.get(1) : null)));
                }
                default -> throw new IllegalArgumentException("unknown kind " + c.kind());
            };
        });
    }

    /** The flattened output, h_n and (LSTM) c_n, concatenated. */
    private static Tensor flattened(RecurrentOutput out) {
        List<Tensor> parts = new ArrayList<>(List.of(out.output().flatten(), out.hN().flatten()));
        if (out.cN() != null) {
            parts.add(out.cN().flatten());
        }
        return Tensor.cat(parts, 0);
    }
}
