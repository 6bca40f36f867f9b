package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/**
 * {@code a + alpha * b}, broadcasting; with {@code alpha != 1} rounded once, as PyTorch's
 * {@code torch.add(a, b, alpha=alpha)}.
 */
public record Add(double alpha) implements Op {
    public static Tensor apply(Tensor a, Tensor b) {
        return Graph.record(Kernels.binary("add", BinaryOp.ADD, a, b), new Add(1), a, b);
    }

    public static Tensor apply(Tensor a, Tensor b, double alpha) {
        if (alpha == 1) {
            return apply(a, b);
        }
        return Graph.record(Kernels.addScaled(a, b, alpha), new Add(alpha), a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad, alpha == 1 ? grad : grad.mul(alpha)};
    }
}
