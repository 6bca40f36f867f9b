package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;

/**
 * {@code a @ b + addend} for matrices {@code a: [M, K]}, {@code b: [K, N]} and an addend that
 * broadcasts to {@code [M, N]}, and with {@code relu} its ReLU: {@link MatMul}, {@link Add} and
 * optionally {@link Unary} RELU in one backend call ({@code Backend.matmulAdd} or
 * {@code matmulAddRelu}, on the operands seen as batches of one), the same bits as the separate
 * ops, with one output instead of two or three. {@code out} is the output, which the ReLU's
 * gradient reads.
 */
public record MatMulAdd(Tensor a, Tensor b, Tensor addend, boolean relu, Tensor out) implements Op {

    /** {@code a @ b + addend}, then a ReLU when {@code relu} is set; shapes in the class documentation. */
    public static Tensor apply(Tensor a, Tensor b, Tensor addend, boolean relu) {
        Shape outShape = Shape.of(a.dim(0), b.dim(1));
        Tensor out = Kernels.empty(outShape, a.dtype(), a.backend());
        Shape batch = Shape.of(1, a.dim(0), b.dim(1));
        if (relu) {
            a.backend().matmulAddRelu(batchOfOne(a), batchOfOne(b), Kernels.broadcast(addend, batch),
                    Kernels.broadcast(out, batch));
        } else {
            a.backend().matmulAdd(batchOfOne(a), batchOfOne(b), Kernels.broadcast(addend, batch),
                    Kernels.broadcast(out, batch));
        }
        return Graph.record(out, new MatMulAdd(a, b, addend, relu, out), a, b, addend);
    }

    private static Strided batchOfOne(Tensor matrix) {
        return Kernels.broadcast(matrix, Shape.of(1, matrix.dim(0), matrix.dim(1)));
    }

    /**
     * The gradient through the ReLU (when there is one) as {@link Unary}'s; then the product's
     * gradients as {@link MatMul#backward}, and the addend's is the sum's gradient itself.
     */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor sum = relu ? Unary.reluGradient(out, grad) : grad;
        Tensor[] product = MatMul.gradients(a.unsqueeze(0), b.unsqueeze(0), sum.unsqueeze(0),
                a.requiresGrad(), b.requiresGrad());
        return new Tensor[] {matrix(product[0]), matrix(product[1]), sum};
    }

    /** A product gradient {@code [1, rows, cols]} as the matrix it is, or null when not computed. */
    private static Tensor matrix(Tensor batchOfOne) {
        return batchOfOne == null ? null : batchOfOne.squeeze(0);
    }

    @Override
    public String name() {
        return relu ? "MatMulAddRelu" : "MatMulAdd";
    }
}
