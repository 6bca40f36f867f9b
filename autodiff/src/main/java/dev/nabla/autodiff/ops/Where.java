package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;

/**
 * {@code condition != 0 ? a : b}, broadcasting; the condition gets no gradient, and a branch
 * that did not require one when the op ran gets none computed (ReLU's zero branch, for one).
 */
public record Where(Tensor condition, boolean gradA, boolean gradB) implements Op {
    public static Tensor apply(Tensor condition, Tensor a, Tensor b) {
        Tensor out = Kernels.where(condition, a, b);
        return Graph.record(out, new Where(condition.detach(), a.requiresGrad(), b.requiresGrad()), condition, a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor zero = Kernels.zeroLike(grad);
        return new Tensor[] {
            null,
            gradA ? Tensor.where(condition, grad, zero) : null,
            gradB ? Tensor.where(condition, zero, grad) : null
        };
    }
}
