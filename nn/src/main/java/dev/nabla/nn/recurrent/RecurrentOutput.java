package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;

/**
 * What a recurrent layer returns from {@code run}: the last layer's hidden state at every time step,
 * and every layer's state after the last time step.
 *
 * @param output the last layer's hidden states: {@code [T, N, directions * hidden]}
 *               ({@code [N, T, directions * hidden]} with batchFirst, {@code [T, directions * hidden]}
 *               for unbatched input), forward and backward directions concatenated in that order
 * @param hN     the final hidden state of every layer and direction: {@code [layers * directions, N, hidden]}
 *               ({@code [layers * directions, hidden]} for unbatched input), ordered layer 0 forward,
 *               layer 0 backward, layer 1 forward, ...
 * @param cN     the final cell state of an {@link LSTM}, shaped as {@code hN}; null for {@link RNN}
 *               and {@link GRU}
 */
public record RecurrentOutput(Tensor output, Tensor hN, Tensor cN) {
}
