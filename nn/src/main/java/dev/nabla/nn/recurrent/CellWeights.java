package dev.nabla.nn.recurrent;

import dev.nabla.autodiff.Tensor;

/**
 * The parameters of one layer in one direction, gates stacked along the first axis as PyTorch
 * stacks them ({@code gates * hidden} rows).
 *
 * @param weightIh {@code [gates * hidden, in]}
 * @param weightHh {@code [gates * hidden, hidden]}
 * @param biasIh   {@code [gates * hidden]}, or null for a layer without bias
 * @param biasHh   {@code [gates * hidden]}, or null for a layer without bias
 */
record CellWeights(Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh) {
    /**
     * {@code x W_ih^T + b_ih} for every time step in one matrix product:
     * {@code [T, N, in] -> [T, N, gates * hidden]}.
     */
    Tensor inputProjection(Tensor x) {
        Tensor y = x.flatten(0, 1).matmul(weightIh.mT());
        return withBias(y, biasIh).reshape(x.dim(0), x.dim(1), weightIh.dim(0));
    }

    /** {@code h W_hh^T + b_hh}: {@code [N, hidden] -> [N, gates * hidden]}. */
    Tensor hiddenProjection(Tensor h) {
        return withBias(h.matmul(weightHh.mT()), biasHh);
    }

    private static Tensor withBias(Tensor y, Tensor bias) {
        return bias == null ? y : y.add(bias);
    }
}
