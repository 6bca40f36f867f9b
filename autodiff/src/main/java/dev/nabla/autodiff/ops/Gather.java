package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;

/**
 * {@code out[i] = x[i with axis replaced by index[i]]}; {@code index} has integer values and,
 * along every other axis, at most {@code x}'s size. The backward scatters gradients back, adding
 * where an index repeats.
 */
public record Gather(Shape inputShape, int axis, Tensor index) implements Op {
    public static Tensor apply(Tensor x, int axis, Tensor index) {
        Tensor out = Kernels.empty(index.shape(), x.dtype(), x.backend());
        x.backend().gather(x.strided(), axis, index.strided(), out.strided());
        return Graph.record(out, new Gather(x.shape(), axis, index.detach()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor dx = Kernels.empty(inputShape, grad.dtype(), grad.backend());
        grad.backend().scatterAdd(grad.strided(), axis, index.strided(), dx.strided());
        return new Tensor[] {dx};
    }
}
