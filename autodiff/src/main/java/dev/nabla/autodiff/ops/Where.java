package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;

/** {@code condition != 0 ? a : b}, broadcasting; the condition gets no gradient. */
public record Where(Tensor condition) implements Op {
    public static Tensor apply(Tensor condition, Tensor a, Tensor b) {
        Tensor out = Kernels.where(condition, a, b);
        return Graph.record(out, new Where(condition.detach()), condition, a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor zero = Kernels.zeroLike(grad);
        return new Tensor[] {null, Tensor.where(condition, grad, zero), Tensor.where(condition, zero, grad)};
    }
}
