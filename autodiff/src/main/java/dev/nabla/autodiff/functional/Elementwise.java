package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;

/** Elementwise functions composed from the primitives, with no gradient code of their own. */
public final class Elementwise {
    private Elementwise() {
    }

    /** {@code a + (-b)}: exact, since IEEE subtraction is addition of the negation. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.add(b.neg());
    }

    /** {@code x < min ? min : x > max ? max : x}; NaN stays NaN and the bounds pass the gradient. */
    public static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: need min <= max, got min=" + min + " max=" + max);
        }
        Tensor lo = Tensor.scalar(min, x.dtype(), x.device());
        Tensor hi = Tensor.scalar(max, x.dtype(), x.device());
        return Tensor.where(x.lt(lo), lo, Tensor.where(x.gt(hi), hi, x));
    }
}
