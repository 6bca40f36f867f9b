package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.ReduceOp;

/**
 * Maximum or minimum over the flagged axes, kept as size-1 axes. The gradient goes to the
 * elements equal to the extreme, split equally among ties (PyTorch's {@code amax}/{@code amin}).
 */
public record Extreme(ReduceOp op, Tensor x, Tensor out, boolean[] reduced) implements Op {
    public static Tensor apply(ReduceOp op, Tensor x, boolean[] reduced) {
        if (op == ReduceOp.SUM) {
            throw new IllegalArgumentException("extreme: expected MAX or MIN, got SUM; use Sum");
        }
        Tensor out = Kernels.reduce(op, x, reduced);
        return Graph.record(out, new Extreme(op, x, out, reduced.clone()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor hits = x.eq(out);
        Tensor count = Kernels.reduce(ReduceOp.SUM, hits, reduced);
        return new Tensor[] {hits.mul(grad.div(count))};
    }

    @Override
    public String name() {
        return op == ReduceOp.MAX ? "max" : "min";
    }
}
