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

    /**
     * {@code x < min ? min : x > max ? max : x}; NaN stays NaN. As in PyTorch, the gradient passes
     * where {@code min <= x <= max}, the bounds included, and is 0 elsewhere, at NaN too.
     */
    public static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("clamp: need min <= max, got min=" + min + " max=" + max);
        }
        Tensor lo = Tensor.scalar(min, x.dtype(), x.device());
        Tensor hi = Tensor.scalar(max, x.dtype(), x.device());
        Tensor inside = x.ge(lo).mul(x.le(hi));
        // elsewhere the result is a bound or the NaN itself, with no gradient
        Tensor outside = x.detach().maximum(lo).minimum(hi);
        return Tensor.where(inside, x, outside);
    }
}
