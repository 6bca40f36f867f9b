package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;

/**
 * Gated recurrent unit layer, as PyTorch's {@code nn.GRU}. Per time step, with the gates r, z, n
 * in PyTorch's order ({@code weight_ih_l{k}} is {@code [3 * hidden, in]}):
 * {@code r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)}, {@code z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)},
 * {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, {@code h' = (1 - z) * n + z * h}.
 * Shapes, parameters and options are described in {@link Recurrent}.
 */
public final class GRU extends Recurrent {
    /** One layer, F32 on the default device, drawn from the global generator. */
    public GRU(int inputSize, int hiddenSize) {
        this(RecurrentConfig.of(inputSize, hiddenSize), Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * @param rng draws the parameters (in PyTorch's order), then the dropout masks in training mode
     */
    public GRU(RecurrentConfig config, Rng rng, DType dtype, Device device) {
        super(config, 3, rng, dtype, device);
    }

    /**
     * Runs the layers over {@code input} from the initial hidden state {@code h0}.
     *
     * @param input {@code [T, N, in]}, {@code [N, T, in]} with batchFirst, or unbatched {@code [T, in]}
     * @param h0    {@code [layers * directions, N, hidden]} ({@code [layers * directions, hidden]} for
     *              unbatched input), or null for zeros
     * @return the output sequence and the final hidden states ({@code cN} is null)
     * @throws IllegalArgumentException if a shape does not fit, naming both
     */
    public RecurrentOutput run(Tensor input, Tensor h0) {
        return runFrom(input, h0, null);
    }

    @Override
    CellState step(Tensor inputProjection, CellState previous, CellWeights weights) {
        Tensor h = previous.h();
        Tensor hidden = weights.hiddenProjection(h);
        Tensor r = gate(inputProjection, 0).add(gate(hidden, 0)).sigmoid();
        Tensor z = gate(inputProjection, 1).add(gate(hidden, 1)).sigmoid();
        Tensor n = gate(inputProjection, 2).add(r.mul(gate(hidden, 2))).tanh();
        // (1 - z) * n + z * h, with one multiplication fewer
        return new CellState(n.add(z.mul(h.sub(n))), null);
    }
}
