package dev.nabla.tensor.spi;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;

/**
 * The default implementations of {@link Backend}'s fused optimizer steps, composed from its
 * primitives one elementwise pass at a time, each pass into a new temporary: exactly the
 * operations of the optimizer's pure update rule, so they define what the fused kernels mean. A
 * backend that overrides one is checked against these, bit for bit, by the conformance suite.
 */
public final class OptimizerDefaults {
    private OptimizerDefaults() {
    }

    /** See {@link Backend#sgdStep}. */
    public static void sgdStep(Backend b, Strided param, Strided grad, Strided buffer, Strided newBuffer, SgdStep s) {
        Strided d = grad;
        if (s.weightDecay() != 0) {
            d = temporary(b, param);
            b.addScaled(grad, param, s.weightDecay(), d);
        }
        Strided direction = d;
        if (s.momentum() != 0) {
            if (buffer == null) {
                b.copy(d, newBuffer);
            } else {
                Strided decayed = temporary(b, param);
                b.binary(BinaryOp.MUL, buffer, constant(b, param, s.momentum()), decayed);
                b.addScaled(decayed, d, 1 - s.dampening(), newBuffer);
            }
            direction = newBuffer;
            if (s.nesterov()) {
                direction = temporary(b, param);
                b.addScaled(d, newBuffer, s.momentum(), direction);
            }
        }
        Strided updated = temporary(b, param);
        b.addScaled(param, direction, -s.lr(), updated);
        b.copy(updated, param);
    }

    /** A new contiguous operand of {@code like}'s shape and dtype. */
    private static Strided temporary(Backend b, Strided like) {
        return new Strided(b.allocate(like.dtype(), like.shape().numel()), View.contiguous(like.shape()));
    }

    /** {@code value} in {@code like}'s dtype, broadcast to its shape. */
    private static Strided constant(Backend b, Strided like, double value) {
        Strided one = new Strided(b.allocate(like.dtype(), 1), View.contiguous(Shape.scalar()));
        b.fill(one, value);
        return one.with(one.view().expand(like.shape()));
    }
}
