package dev.nabla.tensor.spi;

import dev.nabla.tensor.Strided;

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
            d = Temporaries.like(b, param);
            b.addScaled(grad, param, s.weightDecay(), d);
        }
        Strided direction = d;
        if (s.momentum() != 0) {
            if (buffer == null) {
                b.copy(d, newBuffer);
            } else {
                Strided decayed = Temporaries.like(b, param);
                b.binary(BinaryOp.MUL, buffer, Temporaries.constant(b, param, s.momentum()), decayed);
                b.addScaled(decayed, d, 1 - s.dampening(), newBuffer);
            }
            direction = newBuffer;
            if (s.nesterov()) {
                direction = Temporaries.like(b, param);
                b.addScaled(d, newBuffer, s.momentum(), direction);
            }
        }
        Strided updated = Temporaries.like(b, param);
        b.addScaled(param, direction, -s.lr(), updated);
        b.copy(updated, param);
    }
}
