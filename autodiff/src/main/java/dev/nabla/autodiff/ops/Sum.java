package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.ReduceOp;

/** Sum over the flagged axes, which stay as size-1 axes (the caller squeezes them if asked). */
public record Sum(Shape inputShape) implements Op {
    public static Tensor apply(Tensor x, boolean[] reduced) {
        return Graph.record(Kernels.reduce(ReduceOp.SUM, x, reduced), new Sum(x.shape()), x);
    }

    /** Every input element contributed once: the gradient is the output's, broadcast back. */
    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.expand(inputShape.dims())};
    }
}
