/**
 * Recurrent layers matched to PyTorch: {@link dev.nabla.nn.recurrent.RNN},
 * {@link dev.nabla.nn.recurrent.LSTM} and {@link dev.nabla.nn.recurrent.GRU}, configured by a
 * {@link dev.nabla.nn.recurrent.RecurrentConfig}. {@code call(x)} returns the output sequence;
 * {@code run(x, ...)} takes initial states and also returns the final ones as a
 * {@link dev.nabla.nn.recurrent.RecurrentOutput}. Parameter names, shapes and gate order are
 * PyTorch's, so a PyTorch state dict loads unchanged.
 */
package dev.nabla.nn.recurrent;
