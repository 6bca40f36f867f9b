package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;

/** Axes reordered, as a view: axis {@code i} of the output is axis {@code order[i]} of the input. */
public record Permute(int[] order) implements Op {
    public static Tensor apply(Tensor x, int... order) {
        Tensor out = x.alias(x.strided().view().permute(order));
        int[] normalized = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            normalized[i] = order[i] < 0 ? order[i] + order.length : order[i];
        }
        return Graph.record(out, new Permute(normalized), x);
    }

    /** The inverse permutation brings the gradient back to the input's axis order. */
    @Override
    public Tensor[] backward(Tensor grad) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        return new Tensor[] {grad.permute(inverse)};
    }
}
