package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/** {@code a * b}, broadcasting. */
public record Mul(Tensor a, Tensor b) implements Op {
    public static Tensor apply(Tensor a, Tensor b) {
        return Graph.record(Kernels.binary("mul", BinaryOp.MUL, a, b), new Mul(a, b), a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            a.requiresGrad() ? grad.mul(b) : null,
            b.requiresGrad() ? grad.mul(a) : null
        };
    }
}
