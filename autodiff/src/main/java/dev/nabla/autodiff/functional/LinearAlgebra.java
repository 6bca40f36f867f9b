package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.MatMul;
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
