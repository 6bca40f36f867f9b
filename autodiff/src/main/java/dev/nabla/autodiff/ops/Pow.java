package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/** {@code base ^ exponent}, broadcasting. */
public record Pow(Tensor base, Tensor exponent, Tensor out) implements Op {
    public static Tensor apply(Tensor base, Tensor exponent) {
        Tensor out = Kernels.binary("pow", BinaryOp.POW, base, exponent);
        return Graph.record(out, new Pow(base, exponent, out), base, exponent);
    }

    /**
     * d/d base = e * base^(e-1), taken as 0 where e == 0 (so 0^0 has gradient 0, as in PyTorch);
     * d/d e = out * log(base), taken as 0 where base == 0 and e >= 0.
     */
    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor zero = Kernels.zeroLike(grad);
        Tensor gBase = null;
        if (base.requiresGrad()) {
            Tensor d = exponent.mul(base.pow(exponent.sub(1.0)));
            gBase = Tensor.where(exponent.eq(0.0), zero, grad.mul(d));
        }
        Tensor gExp = null;
        if (exponent.requiresGrad()) {
            Tensor atZero = base.eq(0.0).mul(exponent.ge(0.0));
            gExp = Tensor.where(atZero, zero, grad.mul(out.mul(base.log())));
        }
        return new Tensor[] {gBase, gExp};
    }
}
