package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;

/**
 * {@code a @ b + addend} for {@code a: [B or 1, M, K]}, {@code b: [B or 1, K, N]} and an addend
 * that broadcasts to {@code [B, M, N]}: {@link MatMul} and {@link Add} in one backend call
 * ({@code Backend.matmulAdd}), the same bits as the two, with one output instead of two.
 */
public record MatMulAdd(Tensor a, Tensor b, Tensor addend) implements Op {
    public static Tensor apply(Tensor a, Tensor b, Tensor addend) {
        Kernels.requireSameDevice("addmm", addend, a, b);
        Kernels.requireSameDType("addmm", addend, a, b);
        int batch = Shape.broadcast("matmul (batch axes)", Shape.of(a.dim(0)), Shape.of(b.dim(0))).dim(0);
        Shape outShape = Shape.of(batch, a.dim(1), b.dim(2));
        Tensor out = Kernels.empty(outShape, a.dtype(), a.backend());
        a.backend().matmulAdd(Kernels.broadcast(a, Shape.of(batch, a.dim(1), a.dim(2))),
                Kernels.broadcast(b, Shape.of(batch, b.dim(1), b.dim(2))),
                Kernels.broadcast(addend, outShape), out.strided());
        return Graph.record(out, new MatMulAdd(a, b, addend), a, b, addend);
    }

    /** The product's gradients as {@link MatMul#backward}; the addend's is the gradient itself. */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor[] product = new MatMul(a, b).backward(grad);
        return new Tensor[] {product[0], product[1], grad};
    }
}
