package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/** The four recurrent layer types, so that one test covers each. */
enum Kind {
    RNN_TANH(1), RNN_RELU(1), LSTM(4), GRU(3);

    final int gates;

    Kind(int gates) {
        this.gates = gates;
    }

    Recurrent create(RecurrentConfig config, long seed) {
        Rng rng = new Rng(seed);
        return switch (this) {
            case RNN_TANH -> new RNN(config, RNN.Nonlinearity.TANH, rng, DType.F64, Device.REFERENCE);
            case RNN_RELU -> new RNN(config, RNN.Nonlinearity.RELU, rng, DType.F64, Device.REFERENCE);
            case LSTM -> new LSTM(config, rng, DType.F64, Device.REFERENCE);
            case GRU -> new GRU(config, rng, DType.F64, Device.REFERENCE);
        };
    }

    /** Runs {@code layer} from {@code h0} and, for an LSTM, {@code c0} (either may be null). */
    static RecurrentOutput run(Recurrent layer, Tensor x, Tensor h0, Tensor c0) {
        if (layer instanceof LSTM lstm) {
            return lstm.run(x, h0, c0);
        }
        return layer instanceof RNN rnn ? rnn.run(x, h0) : ((GRU) layer).run(x, h0);
    }

    boolean hasCellState() {
        return this == LSTM;
    }

    static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }
}
