package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;

/** Elements {@code start, start+step, ...} below {@code end} along {@code axis}, as a view. */
public record Slice(Shape inputShape, int axis, int start, int end, int step) implements Op {
    public static Tensor apply(Tensor x, int axis, int start, int end, int step) {
        int a = x.shape().axis(axis, "slice");
        Tensor out = x.alias(x.strided().view().slice(a, start, end, step));
        return Graph.record(out, new Slice(x.shape(), a, start, end, step), x);
    }

    /** Zeros of the input's shape with the gradient written into the sliced positions. */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor dx = Kernels.empty(inputShape, grad.dtype(), grad.backend());
        View target = View.contiguous(inputShape).slice(axis, start, end, step);
        grad.backend().copy(grad.strided(), dx.strided().with(target));
        return new Tensor[] {dx};
    }
}
