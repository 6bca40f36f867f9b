package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/**
 * {@code a / b}, broadcasting. A primitive rather than {@code a * (1/b)} so that the quotient is
 * correctly rounded, as PyTorch's is.
 */
public record Div(Tensor b, Tensor out) implements Op {
    public static Tensor apply(Tensor a, Tensor b) {
        Tensor out = Kernels.binary("div", BinaryOp.DIV, a, b);
        return Graph.record(out, new Div(b, out), a, b);
    }

    /** d(a/b)/da = 1/b; d(a/b)/db = -(a/b)/b. */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor ga = grad.div(b);
        return new Tensor[] {ga, b.requiresGrad() ? ga.mul(out).neg() : null};
    }
}
