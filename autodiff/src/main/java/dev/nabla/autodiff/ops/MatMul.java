package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;

/**
 * Batched matrix product of rank-3 operands {@code a: [B or 1, M, K]}, {@code b: [B or 1, K, N]}
 * giving {@code [B, M, N]}; a batch of 1 broadcasts. Other ranks are reshaped to this by
 * {@code LinearAlgebra.matmul}.
 */
public record MatMul(Tensor a, Tensor b) implements Op {
    public static Tensor apply(Tensor a, Tensor b) {
        Kernels.requireCompatible("matmul", a, b);
        int batch = Shape.broadcast("matmul (batch axes)", Shape.of(a.dim(0)), Shape.of(b.dim(0))).dim(0);
        Shape outShape = Shape.of(batch, a.dim(1), b.dim(2));
        Tensor out = Kernels.empty(outShape, a.dtype(), a.backend());
        a.backend().matmul(Kernels.broadcast(a, Shape.of(batch, a.dim(1), a.dim(2))),
                Kernels.broadcast(b, Shape.of(batch, b.dim(1), b.dim(2))), out.strided());
        return Graph.record(out, new MatMul(a, b), a, b);
    }

    /** dA = G @ B^T, dB = A^T @ G (summed over a broadcast batch by the engine). */
    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            a.requiresGrad() ? apply(grad, b.mT()) : null,
            b.requiresGrad() ? apply(a.mT(), grad) : null
        };
    }
}
