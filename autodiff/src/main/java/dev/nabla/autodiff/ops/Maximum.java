package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/**
 * Elementwise maximum ({@code max = true}) or minimum, broadcasting and NaN-propagating. A
 * primitive because no composition of where/add gets ties of infinities, overflow and NaN all
 * right. At a tie each side gets half the gradient, as in PyTorch.
 */
public record Maximum(boolean max, Tensor a, Tensor b) implements Op {
    public static Tensor apply(boolean max, Tensor a, Tensor b) {
        String name = max ? "maximum" : "minimum";
        Tensor out = Kernels.binary(name, max ? BinaryOp.MAX : BinaryOp.MIN, a, b);
        return Graph.record(out, new Maximum(max, a, b), a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor aWins = max ? a.gt(b) : a.lt(b);
        Tensor half = a.eq(b).mul(0.5);
        Tensor shareA = aWins.add(half);
        return new Tensor[] {grad.mul(shareA), grad.mul(shareA.neg().add(1.0))};
    }

    @Override
    public String name() {
        return max ? "maximum" : "minimum";
    }
}
