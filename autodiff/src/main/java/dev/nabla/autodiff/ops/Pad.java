package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;

/**
 * Constant padding: {@code before[i]} and {@code after[i]} elements of {@code value} around axis
 * {@code i} (one entry per axis, all >= 0).
 */
public record Pad(int[] before, Shape inputShape) implements Op {
    public static Tensor apply(Tensor x, int[] before, int[] after, double value) {
        int[] dims = x.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            dims[i] += before[i] + after[i];
        }
        Tensor out = Kernels.empty(Shape.of(dims), x.dtype(), x.backend());
        if (value != 0) {
            x.backend().fill(out.strided(), value);
        }
        x.backend().copy(x.strided(), out.strided().with(interior(out.shape(), before, x.shape())));
        return Graph.record(out, new Pad(before.clone(), x.shape()), x);
    }

    private static View interior(Shape padded, int[] before, Shape inner) {
        View v = View.contiguous(padded);
        for (int i = 0; i < before.length; i++) {
            v = v.slice(i, before[i], before[i] + inner.dim(i), 1);
        }
        return v;
    }

    /** The gradient of the interior; the padding got constants and passes nothing back. */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor g = grad;
        for (int i = 0; i < before.length; i++) {
            g = g.slice(i, before[i], before[i] + inputShape.dim(i));
        }
        return new Tensor[] {g};
    }
}
