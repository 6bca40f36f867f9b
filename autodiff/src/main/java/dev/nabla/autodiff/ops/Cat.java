package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import java.util.List;

/** Tensors joined along an existing axis (validated by the caller). */
public record Cat(int axis, int[] sizes) implements Op {
    public static Tensor apply(List<Tensor> parts, int axis, Shape outShape) {
        Tensor first = parts.get(0);
        Tensor out = Kernels.empty(outShape, first.dtype(), first.backend());
        int[] sizes = new int[parts.size()];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor p = parts.get(i);
            sizes[i] = p.dim(axis);
            View target = View.contiguous(outShape).slice(axis, at, at + sizes[i], 1);
            first.backend().copy(p.strided(), out.strided().with(target));
            at += sizes[i];
        }
        return Graph.record(out, new Cat(axis, sizes), parts.toArray(new Tensor[0]));
    }

    /** Each input gets its own stretch of the gradient. */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor[] grads = new Tensor[sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            grads[i] = grad.slice(axis, at, at + sizes[i]);
            at += sizes[i];
        }
        return grads;
    }
}
