package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;

/**
 * The state a cell carries from one time step to the next.
 *
 * @param h the hidden state {@code [N, hidden]}
 * @param c the cell state {@code [N, hidden]} of an LSTM, else null
 */
record CellState(Tensor h, Tensor c) {
}
