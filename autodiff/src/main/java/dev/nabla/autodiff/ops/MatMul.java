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

    /**
     * dA = G @ B^T, dB = A^T @ G (summed over a broadcast batch by the engine). A gradient is
     * computed in its operand's layout: for an operand that is the transpose of a contiguous
     * tensor (a weight {@code W} used as {@code W^T}, as in a dense layer) its transpose
     * {@code (dB)^T = G^T @ A} is computed contiguous and returned as a view, so that the
     * gradient reaching {@code W} is contiguous rather than a transposed view to be copied.
     */
    @Override
    public Tensor[] backward(Tensor grad) {
        return gradients(a, b, grad, a.requiresGrad(), b.requiresGrad());
    }

    /**
     * {@link #backward}'s {@code {dA, dB}} for the product {@code a @ b} of rank-3 operands and its
     * gradient {@code grad}, each computed only when asked for (else null).
     */
    static Tensor[] gradients(Tensor a, Tensor b, Tensor grad, boolean needA, boolean needB) {
        Tensor da = null;
        Tensor db = null;
        if (needA) {
            da = transposedLayout(a) ? apply(b, grad.mT()).mT() : apply(grad, b.mT());
        }
        if (needB) {
            db = transposedLayout(b) ? apply(grad.mT(), a).mT() : apply(a.mT(), grad);
        }
        return new Tensor[] {da, db};
    }

    /** True when {@code t}'s last two axes are swapped relative to a contiguous layout. */
    private static boolean transposedLayout(Tensor t) {
        return !t.isContiguous() && t.mT().isContiguous();
    }
}
