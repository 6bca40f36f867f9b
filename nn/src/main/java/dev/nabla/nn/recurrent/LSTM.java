package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;

/**
 * Long short-term memory layer, as PyTorch's {@code nn.LSTM}. Per time step, with
 * {@code G = x W_ih^T + b_ih + h W_hh^T + b_hh} split into the gates i, f, g, o (PyTorch's order;
 * {@code weight_ih_l{k}} is {@code [4 * hidden, in]}):
 * {@code c' = sigmoid(f) * c + sigmoid(i) * tanh(g)}, {@code h' = sigmoid(o) * tanh(c')}.
 * Shapes, parameters and options are described in {@link Recurrent}.
 */
public final class LSTM extends Recurrent {
    /** One layer, F32 on the default device, drawn from the global generator. */
    public LSTM(int inputSize, int hiddenSize) {
        this(RecurrentConfig.of(inputSize, hiddenSize), Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * @param rng draws the parameters (in PyTorch's order), then the dropout masks in training mode
     */
    public LSTM(RecurrentConfig config, Rng rng, DType dtype, Device device) {
        super(config, 4, rng, dtype, device);
    }

    /**
     * Runs the layers over {@code input} from the initial hidden and cell states.
     *
     * @param input {@code [T, N, in]}, {@code [N, T, in]} with batchFirst, or unbatched {@code [T, in]}
     * @param h0    {@code [layers * directions, N, hidden]} ({@code [layers * directions, hidden]} for
     *              unbatched input), or null for zeros
     * @param c0    shaped as {@code h0}, or null for zeros
     * @return the output sequence, the final hidden states and the final cell states
     * @throws IllegalArgumentException if a shape does not fit, naming both
     */
    public RecurrentOutput run(Tensor input, Tensor h0, Tensor c0) {
        return runFrom(input, h0, c0);
    }

    @Override
    CellState step(Tensor inputProjection, CellState previous, CellWeights weights) {
        Tensor gates = inputProjection.add(weights.hiddenProjection(previous.h()));
        Tensor c = gate(gates, 1).sigmoid().mul(previous.c())
                .add(gate(gates, 0).sigmoid().mul(gate(gates, 2).tanh()));
        return new CellState(gate(gates, 3).sigmoid().mul(c.tanh()), c);
    }

    @Override
    boolean hasCellState() {
        return true;
    }
}
