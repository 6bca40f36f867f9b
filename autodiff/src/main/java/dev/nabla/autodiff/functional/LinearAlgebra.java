package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.autodiff.ops.MatMul;
import dev.nabla.autodiff.ops.MatMulAdd;
import dev.nabla.tensor.Shape;
import java.util.Arrays;

/** Matrix products with PyTorch's {@code matmul} rules, lowered to the batched primitive. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * {@code a @ b}. A 1-D {@code a} of shape [K] acts as [1, K] and a 1-D {@code b} as [K, 1], the
     * added axis removed from the result; for rank >= 2, {@code a: [..., M, K]} and
     * {@code b: [..., K, N]} give {@code [..., M, N]} with the leading axes broadcast.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: a" + a.shape() + " @ b" + b.shape()
                    + ": both operands need at least one axis; use mul() for scalars");
        }
        boolean vectorA = a.rank() == 1;
        boolean vectorB = b.rank() == 1;
        Tensor a2 = vectorA ? a.unsqueeze(0) : a;
        Tensor b2 = vectorB ? b.unsqueeze(1) : b;
        int k = a2.dim(-1);
        if (k != b2.dim(-2)) {
            throw new IllegalArgumentException("matmul: a" + a.shape() + " @ b" + b.shape() + ": a.shape[-1]=" + k
                    + " must equal b.shape[" + (vectorB ? "0" : "-2") + "]=" + b2.dim(-2));
        }
        int m = a2.dim(-2);
        int n = b2.dim(-1);
        Shape batchA = Shape.of(Arrays.copyOf(a2.shape().dims(), a2.rank() - 2));
        Shape batchB = Shape.of(Arrays.copyOf(b2.shape().dims(), b2.rank() - 2));
        Shape batch = Shape.broadcast("matmul (batch axes of a" + a.shape() + " and b" + b.shape() + ")",
                batchA, batchB);
        Tensor product = MatMul.apply(asBatch(a2, batchA, batch, m, k), asBatch(b2, batchB, batch, k, n));
        int[] outDims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outDims[batch.rank()] = m;
        outDims[batch.rank() + 1] = n;
        Tensor out = product.reshape(outDims);
        if (vectorB) {
            out = out.squeeze(-1);
        }
        if (vectorA) {
            out = out.squeeze(vectorB ? -1 : -2);
        }
        return out;
    }

    /**
     * {@code input + mat1 @ mat2}, PyTorch's {@code torch.addmm} with {@code beta = alpha = 1}:
     * {@code mat1: [M, K]}, {@code mat2: [K, N]}, and {@code input} broadcastable to {@code [M, N]}
     * (a bias {@code [N]}, say), giving {@code [M, N]}. Each element of the product is rounded
     * before {@code input} is added, so the result is the same bits as
     * {@code mat1.matmul(mat2).add(input)}; the backend adds while blocks of the product are still
     * in cache, and there is one output instead of two.
     */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
        return addmm("addmm", input, mat1, mat2, false);
    }

    /**
     * {@code relu(input + mat1 @ mat2)}, PyTorch's {@code torch._addmm_activation}: the shapes and
     * bits of {@link #addmm} followed by {@link Tensor#relu()}, with the ReLU applied as blocks of
     * the product are finished, and one output instead of two. A dense layer followed by a ReLU
     * ({@code Sequential} fuses the pair) runs as this.
     */
    public static Tensor addmmRelu(Tensor input, Tensor mat1, Tensor mat2) {
        return addmm("addmmRelu", input, mat1, mat2, true);
    }

    private static Tensor addmm(String name, Tensor input, Tensor mat1, Tensor mat2, boolean relu) {
        Kernels.requireSameDevice(name, input, mat1, mat2);
        Kernels.requireSameDType(name, input, mat1, mat2);
        if (mat1.rank() != 2 || mat2.rank() != 2) {
            throw new IllegalArgumentException(name + ": mat1" + mat1.shape() + " and mat2" + mat2.shape()
                    + " must both be matrices (2-D)");
        }
        if (mat1.dim(1) != mat2.dim(0)) {
            throw new IllegalArgumentException(name + ": mat1" + mat1.shape() + " @ mat2" + mat2.shape()
                    + ": mat1.shape[1]=" + mat1.dim(1) + " must equal mat2.shape[0]=" + mat2.dim(0));
        }
        Shape product = Shape.of(mat1.dim(0), mat2.dim(1));
        String what = name + " (input" + input.shape() + " added to the product " + product + ")";
        if (input.rank() > 2 || !Shape.broadcast(what, input.shape(), product).equals(product)) {
            throw new IllegalArgumentException(what + ": input must broadcast to " + product);
        }
        return MatMulAdd.apply(mat1, mat2, input, relu);
    }

    /** {@code t} as [B, rows, cols]; a single matrix stays [1, rows, cols] and broadcasts in MatMul. */
    private static Tensor asBatch(Tensor t, Shape own, Shape batch, int rows, int cols) {
        if (own.numel() == 1 && batch.numel() != 1) {
            return t.reshape(1, rows, cols);
        }
        int[] dims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        dims[batch.rank()] = rows;
        dims[batch.rank() + 1] = cols;
        return t.expand(dims).reshape(batch.numel(), rows, cols);
    }
}
