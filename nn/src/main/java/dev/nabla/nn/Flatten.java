package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;

/**
 * Merges the axes {@code startDim..endDim} (inclusive, negative counting from the end) into one,
 * as PyTorch's {@code Flatten}: by default {@code [N, C, H, W]} becomes {@code [N, C*H*W]}. A
 * view where the strides allow.
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens every axis but the first (the batch). */
    public Flatten() {
        this(1, -1);
    }

    /** Merges axes startDim..endDim (inclusive); negative values count from the end. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
