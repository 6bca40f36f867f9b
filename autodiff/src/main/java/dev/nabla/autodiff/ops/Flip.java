package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;

/** Element order reversed along the given axes, as a view (negative strides). */
public record Flip(int[] axes) implements Op {
    public static Tensor apply(Tensor x, int... axes) {
        return Graph.record(x.alias(x.strided().view().flip(axes)), new Flip(axes.clone()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.flip(axes)};
    }
}
