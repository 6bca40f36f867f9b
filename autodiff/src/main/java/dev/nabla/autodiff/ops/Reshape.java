package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;

/** The same elements in another shape of equal size: a view when the strides allow, else a copy. */
public record Reshape(Shape inputShape) implements Op {
    /**
     * @param viewOnly fail instead of copying when no view can express the new shape
     */
    public static Tensor apply(Tensor x, Shape target, boolean viewOnly) {
        View v = x.strided().view().reshape(target);
        Tensor out;
        if (v != null) {
            out = x.alias(v);
        } else if (viewOnly) {
            throw new IllegalArgumentException("view: a tensor of shape " + x.shape() + " with strides "
                    + java.util.Arrays.toString(x.strided().view().strides()) + " cannot be viewed as " + target
                    + " without a copy; use reshape(), or contiguous() first");
        } else {
            Tensor dense = Kernels.empty(x.shape(), x.dtype(), x.backend());
            x.backend().copy(x.strided(), dense.strided());
            out = dense.alias(View.contiguous(target));
        }
        return Graph.record(out, new Reshape(x.shape()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.reshape(inputShape)};
    }
}
