package dev.nabla.nn.recurrent;

import dev.nabla.nn.Repr;

/**
 * The settings of a recurrent layer ({@link RNN}, {@link LSTM}, {@link GRU}), with PyTorch's
 * meanings and defaults. Start from {@link #of} and change what differs:
 * {@code RecurrentConfig.of(10, 20).withNumLayers(2).withBidirectional(true)}.
 *
 * @param inputSize     features per time step of the input
 * @param hiddenSize    features of the hidden state (per direction)
 * @param numLayers     stacked layers; layer {@code k > 0} reads the output of layer {@code k - 1}
 * @param bias          whether the layers have the biases {@code bias_ih} and {@code bias_hh}
 * @param batchFirst    whether input and output are {@code [N, T, features]} instead of
 *                      {@code [T, N, features]} (the states keep {@code [layers * directions, N, hidden]})
 * @param dropout       probability of zeroing an output of every layer but the last, in training mode
 * @param bidirectional whether each layer also runs backwards in time, its output concatenated
 */
public record RecurrentConfig(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst,
                              double dropout, boolean bidirectional) {
    /**
     * @throws IllegalArgumentException if a size or the layer count is not positive, or dropout is
     *                                  outside [0, 1]
     */
    public RecurrentConfig {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException("recurrent layer: inputSize, hiddenSize and numLayers must be"
                    + " positive, got inputSize=" + inputSize + " hiddenSize=" + hiddenSize + " numLayers="
                    + numLayers);
        }
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new IllegalArgumentException("recurrent layer: dropout=" + dropout
                    + " must be a probability in [0, 1] (of zeroing an element)");
        }
    }

    /** One unidirectional layer with biases, time-first, without dropout (PyTorch's defaults). */
    public static RecurrentConfig of(int inputSize, int hiddenSize) {
        return new RecurrentConfig(inputSize, hiddenSize, 1, true, false, 0, false);
    }

    public RecurrentConfig withNumLayers(int value) {
        return new RecurrentConfig(inputSize, hiddenSize, value, bias, batchFirst, dropout, bidirectional);
    }

    public RecurrentConfig withBias(boolean value) {
        return new RecurrentConfig(inputSize, hiddenSize, numLayers, value, batchFirst, dropout, bidirectional);
    }

    public RecurrentConfig withBatchFirst(boolean value) {
        return new RecurrentConfig(inputSize, hiddenSize, numLayers, bias, value, dropout, bidirectional);
    }

    public RecurrentConfig withDropout(double value) {
        return new RecurrentConfig(inputSize, hiddenSize, numLayers, bias, batchFirst, value, bidirectional);
    }

    public RecurrentConfig withBidirectional(boolean value) {
        return new RecurrentConfig(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, value);
    }

    /** 2 for a bidirectional layer, else 1. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** The settings that differ from the defaults, as PyTorch prints them. */
    String describe() {
        StringBuilder sb = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (numLayers != 1) {
            sb.append(", num_layers=").append(numLayers);
        }
        if (!bias) {
            sb.append(", bias=False");
        }
        if (batchFirst) {
            sb.append(", batch_first=True");
        }
        if (dropout != 0) {
            sb.append(", dropout=").append(Repr.number(dropout));
        }
        if (bidirectional) {
            sb.append(", bidirectional=True");
        }
        return sb.toString();
    }
}
