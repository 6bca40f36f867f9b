package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Module;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share: PyTorch's parameters, the walk over layers,
 * directions and time steps, dropout between layers, and the checks of input and initial state.
 * Each subclass supplies one time step of its cell.
 *
 * <p>Input {@code [T, N, in]} ({@code [N, T, in]} with batchFirst) or unbatched {@code [T, in]}.
 * Per layer and direction, the input projection {@code x W_ih^T + b_ih} of all time steps is one
 * matrix product; only the recurrent part runs step by step. Everything is composed from
 * differentiable tensor ops, so {@code backward()} is backpropagation through time.
 *
 * <p>Parameters, for layer {@code k} and the suffix {@code _reverse} of the backward direction,
 * in PyTorch's order: {@code weight_ih_l{k}} {@code [gates * hidden, in]} (in = hidden * directions
 * for {@code k > 0}), {@code weight_hh_l{k}} {@code [gates * hidden, hidden]}, {@code bias_ih_l{k}}
 * and {@code bias_hh_l{k}} {@code [gates * hidden]}, all drawn uniform in
 * {@code [-1/sqrt(hidden), 1/sqrt(hidden))} in that order, as PyTorch initialises them.
 */
public abstract class Recurrent extends Module {
    private final RecurrentConfig config;
    private final Rng rng;
    private final List<CellWeights> cells = new ArrayList<>();

    /**
     * @param gates how many blocks of {@code hidden} rows the weights stack (1 for RNN, 4 for
     *              LSTM, 3 for GRU)
     * @param rng   draws the initial parameters, then the dropout masks in training mode
     */
    Recurrent(RecurrentConfig config, int gates, Rng rng, DType dtype, Device device) {
        this.config = config;
        this.rng = rng;
        int hidden = config.hiddenSize();
        double bound = 1 / Math.sqrt(hidden);
        for (int layer = 0; layer < config.numLayers(); layer++) {
            int in = layer == 0 ? config.inputSize() : hidden * config.directions();
            for (int direction = 0; direction < config.directions(); direction++) {
                String suffix = "_l" + layer + (direction == 1 ? "_reverse" : "");
                Tensor weightIh = registerParameter("weight_ih" + suffix,
                        uniform(rng, Shape.of(gates * hidden, in), bound, dtype, device));
                Tensor weightHh = registerParameter("weight_hh" + suffix,
                        uniform(rng, Shape.of(gates * hidden, hidden), bound, dtype, device));
                Tensor biasIh = config.bias() ? registerParameter("bias_ih" + suffix,
                        uniform(rng, Shape.of(gates * hidden), bound, dtype, device)) : null;
                Tensor biasHh = config.bias() ? registerParameter("bias_hh" + suffix,
                        uniform(rng, Shape.of(gates * hidden), bound, dtype, device)) : null;
                cells.add(new CellWeights(weightIh, weightHh, biasIh, biasHh));
            }
        }
    }

    private static Tensor uniform(Rng rng, Shape shape, double bound, DType dtype, Device device) {
        return Tensor.rand(rng, shape, dtype, device).mul(2 * bound).sub(bound);
    }

    /** The layer's settings. */
    public final RecurrentConfig config() {
        return config;
    }

    /** One time step: the state after reading {@code inputProjection} {@code [N, gates * hidden]}. */
    abstract CellState step(Tensor inputProjection, CellState previous, CellWeights weights);

    /** Block {@code index} of a {@code [N, gates * hidden]} tensor: {@code [N, hidden]}. */
    final Tensor gate(Tensor gates, int index) {
        return gates.narrow(1, index * config.hiddenSize(), config.hiddenSize());
    }

    /**
     * The output sequence for {@code input}, starting from zero states; see {@link #run(Tensor)}.
     *
     * @param input {@code [T, N, in]}, {@code [N, T, in]} with batchFirst, or unbatched {@code [T, in]}
     * @return {@code [T, N, directions * hidden]}, {@code [N, T, directions * hidden]} with batchFirst,
     *         or {@code [T, directions * hidden]}
     */
    @Override
    protected final Tensor forward(Tensor input) {
        return run(input).output();
    }

    /**
     * Runs the layers over {@code input} from zero states.
     *
     * @param input {@code [T, N, in]}, {@code [N, T, in]} with batchFirst, or unbatched {@code [T, in]}
     * @throws IllegalArgumentException if the input's rank or feature size is wrong, or T is 0
     */
    public final RecurrentOutput run(Tensor input) {
        return runFrom(input, null, null);
    }

    /**
     * Runs the layers over {@code input} from the initial states {@code h0} and {@code c0}
     * ({@code [layers * directions, N, hidden]}, or {@code [layers * directions, hidden]} for
     * unbatched input; null for zeros).
     */
    final RecurrentOutput runFrom(Tensor input, Tensor h0, Tensor c0) {
        boolean batched = checkInput(input);
        Tensor x = !batched ? input.unsqueeze(1) : config.batchFirst() ? input.transpose(0, 1) : input;
        Shape stateShape = Shape.of(config.numLayers() * config.directions(), x.dim(1), config.hiddenSize());
        Tensor h = initialState("h0", h0, stateShape, input, batched);
        Tensor c = hasCellState() ? initialState("c0", c0, stateShape, input, batched) : null;
        List<CellState> finals = new ArrayList<>();
        for (int layer = 0; layer < config.numLayers(); layer++) {
            if (layer > 0) {
                x = dropout(x);
            }
            List<Tensor> directionOutputs = new ArrayList<>();
            for (int direction = 0; direction < config.directions(); direction++) {
                int k = layer * config.directions() + direction;
                CellState initial = new CellState(at(h, k), c == null ? null : at(c, k));
                directionOutputs.add(runDirection(x, cells.get(k), direction == 1, initial, finals));
            }
            x = directionOutputs.size() == 1 ? directionOutputs.get(0) : Tensor.cat(directionOutputs, 2);
        }
        Tensor output = !batched ? x.squeeze(1) : config.batchFirst() ? x.transpose(0, 1) : x;
        return new RecurrentOutput(output, finalState(finals.stream().map(CellState::h).toList(), batched),
                c == null ? null : finalState(finals.stream().map(CellState::c).toList(), batched));
    }

    /**
     * One layer in one direction over {@code x} {@code [T, N, in]}: the hidden state after every
     * step {@code [T, N, hidden]}, in time order; the state after the last step is added to {@code finals}.
     */
    private Tensor runDirection(Tensor x, CellWeights weights, boolean reverse, CellState initial,
                                List<CellState> finals) {
        int steps = x.dim(0);
        List<Tensor> projections = timeSteps(weights.inputProjection(x));
        CellState state = initial;
        Tensor[] outputs = new Tensor[steps];
        for (int i = 0; i < steps; i++) {
            int t = reverse ? steps - 1 - i : i;
            state = step(projections.get(t), state, weights);
            outputs[t] = state.h();
        }
        finals.add(state);
        return Tensor.stack(Arrays.asList(outputs), 0);
    }

    /** Whether the cell carries a cell state {@code c} besides {@code h} (an LSTM). */
    boolean hasCellState() {
        return false;
    }

    /** Validates the input; returns whether it has a batch axis. */
    private boolean checkInput(Tensor input) {
        String expected = "[T, N, " + config.inputSize() + "]"
                + (config.batchFirst() ? " (batchFirst: [N, T, " + config.inputSize() + "])" : "")
                + " or unbatched [T, " + config.inputSize() + "]";
        if (input.rank() != 2 && input.rank() != 3) {
            throw new IllegalArgumentException(typeName() + ": input of shape " + input.shape() + " has rank "
                    + input.rank() + ", expected " + expected);
        }
        if (input.dim(-1) != config.inputSize()) {
            throw new IllegalArgumentException(typeName() + ": input of shape " + input.shape() + " has "
                    + input.dim(-1) + " features in its last axis, the layer expects inputSize="
                    + config.inputSize());
        }
        int timeAxis = input.rank() == 3 && config.batchFirst() ? 1 : 0;
        if (input.dim(timeAxis) == 0) {
            throw new IllegalArgumentException(typeName() + ": input of shape " + input.shape()
                    + " has no time steps (T=0); give at least one");
        }
        return input.rank() == 3;
    }

    /** {@code given} checked against {@code shape} ({@code [layers * directions, N, hidden]}), or zeros. */
    private Tensor initialState(String name, Tensor given, Shape shape, Tensor input, boolean batched) {
        if (given == null) {
            return Tensor.zeros(shape, input.dtype(), input.device());
        }
        Shape expected = batched ? shape : Shape.of(shape.dim(0), shape.dim(2));
        if (!given.shape().equals(expected)) {
            throw new IllegalArgumentException(typeName() + ": " + name + " of shape " + given.shape()
                    + " does not fit input of shape " + input.shape() + ": expected " + expected
                    + " = [numLayers * directions, " + (batched ? "N, " : "") + "hiddenSize]");
        }
        return batched ? given : given.unsqueeze(1);
    }

    private static Tensor at(Tensor states, int k) {
        return states.narrow(0, k, 1).squeeze(0);
    }

    private static Tensor finalState(List<Tensor> states, boolean batched) {
        Tensor stacked = Tensor.stack(states, 0);
        return batched ? stacked : stacked.squeeze(1);
    }

    /**
     * The {@code [N, G]} time steps of {@code projection} {@code [T, N, G]}. They are cut by halving
     * rather than one slice each: the backward of a slice writes into a tensor of its source's size,
     * so T slices of the whole would cost O(T^2) in backward, halving costs O(T log T).
     */
    private static List<Tensor> timeSteps(Tensor projection) {
        List<Tensor> out = new ArrayList<>(projection.dim(0));
        halve(projection, out);
        return out;
    }

    private static void halve(Tensor block, List<Tensor> out) {
        int steps = block.dim(0);
        if (steps == 1) {
            out.add(block.squeeze(0));
            return;
        }
        int half = steps / 2;
        halve(block.narrow(0, 0, half), out);
        halve(block.narrow(0, half, steps - half), out);
    }

    /** Inverted dropout with probability {@code config.dropout()}, in training mode only. */
    private Tensor dropout(Tensor x) {
        double p = config.dropout();
        if (!isTraining() || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0);
        }
        Tensor keep = Tensor.bernoulli(rng, 1 - p, x.shape(), x.dtype(), x.device());
        return x.mul(keep.mul(1 / (1 - p)));
    }

    @Override
    protected String extraRepr() {
        return config.describe();
    }
}
