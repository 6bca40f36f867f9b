package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;

/** Broadcast to a larger shape as a view (stride 0 on the new and size-1 axes). */
public record Expand() implements Op {
    public static Tensor apply(Tensor x, Shape target) {
        return Graph.record(x.alias(x.strided().view().expand(target)), new Expand(), x);
    }

    /** Returned at the expanded shape: the engine sums the broadcast axes away. */
    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad};
    }
}
