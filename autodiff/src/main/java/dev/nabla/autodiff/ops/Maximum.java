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

    /**
     * PyTorch's rule: an input gets the gradient unless it lost the comparison; at a tie each
     * side gets half; where either side is NaN, both get it.
     */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor aLost = max ? a.lt(b) : a.gt(b);
        Tensor bLost = max ? a.gt(b) : a.lt(b);
        Tensor half = a.eq(b).mul(0.5);
        return new Tensor[] {
            grad.mul(aLost.neg().add(1.0).sub(half)),
            grad.mul(bLost.neg().add(1.0).sub(half))
        };
    }

    @Override
    public String name() {
        return max ? "maximum" : "minimum";
    }
}
