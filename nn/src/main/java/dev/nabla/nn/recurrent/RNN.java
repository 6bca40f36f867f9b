package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.function.UnaryOperator;

/**
 * Elman recurrent layer, as PyTorch's {@code nn.RNN}: per time step
 * {@code h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)} with {@code act} tanh or relu. One gate:
 * {@code weight_ih_l{k}} is {@code [hidden, in]}. Shapes, parameters and options are described
 * in {@link Recurrent}.
 */
public final class RNN extends Recurrent {
    /** The activation of the hidden state. */
    public enum Nonlinearity {
        TANH(Tensor::tanh),
        RELU(Tensor::relu);

        private final UnaryOperator<Tensor> fn;

        Nonlinearity(UnaryOperator<Tensor> fn) {
            this.fn = fn;
        }
    }

    private final Nonlinearity nonlinearity;

    /** One tanh layer, F32 on the default device, drawn from the global generator. */
    public RNN(int inputSize, int hiddenSize) {
        this(RecurrentConfig.of(inputSize, hiddenSize), Nonlinearity.TANH, Rng.global(), DType.F32,
                Backends.defaultDevice());
    }

    /**
     * @param rng draws the parameters (in PyTorch's order), then the dropout masks in training mode
     */
    public RNN(RecurrentConfig config, Nonlinearity nonlinearity, Rng rng, DType dtype, Device device) {
        super(config, 1, rng, dtype, device);
        this.nonlinearity = nonlinearity;
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
        Tensor preActivation = inputProjection.add(weights.hiddenProjection(previous.h()));
        return new CellState(nonlinearity.fn.apply(preActivation), null);
    }
}
