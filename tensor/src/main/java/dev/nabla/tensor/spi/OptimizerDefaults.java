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
        Strided d = withL2(b, grad, param, s.weightDecay());
        Strided direction = d;
        if (s.momentum() != 0) {
            if (buffer == null) {
                b.copy(d, newBuffer);
            } else {
                b.addScaled(scaled(b, buffer, s.momentum()), d, 1 - s.dampening(), newBuffer);
            }
            direction = newBuffer;
            if (s.nesterov()) {
                direction = Temporaries.like(b, param);
                b.addScaled(d, newBuffer, s.momentum(), direction);
            }
        }
        writeStep(b, param, param, direction, -s.lr());
    }

    /** See {@link Backend#adamStep}. */
    public static void adamStep(Backend b, Strided param, Strided grad, Strided expAvg, Strided expAvgSq,
                                Strided maxExpAvgSq, Strided newExpAvg, Strided newExpAvgSq, Strided newMaxExpAvgSq,
                                AdamStep s) {
        Strided p = param;
        Strided g = grad;
        if (s.weightDecay() != 0 && s.decoupled()) {
            p = scaled(b, param, 1 - s.lr() * s.weightDecay());
        } else {
            g = withL2(b, grad, param, s.weightDecay());
        }
        b.addScaled(scaled(b, expAvg, s.beta1()), g, 1 - s.beta1(), newExpAvg);
        decayedSquares(b, expAvgSq, g, s.beta2(), newExpAvgSq);
        Strided second = newExpAvgSq;
        if (s.amsgrad()) {
            if (maxExpAvgSq == null) {
                b.copy(newExpAvgSq, newMaxExpAvgSq);
            } else {
                b.binary(BinaryOp.MAX, maxExpAvgSq, newExpAvgSq, newMaxExpAvgSq);
            }
            second = newMaxExpAvgSq;
        }
        Strided root = Temporaries.like(b, param);
        b.unary(UnaryOp.SQRT, second, root);
        Strided corrected = Temporaries.like(b, param);
        b.binary(BinaryOp.DIV, root, Temporaries.constant(b, param, s.secondMomentCorrection()), corrected);
        Strided denom = Temporaries.like(b, param);
        b.binary(BinaryOp.ADD, corrected, Temporaries.constant(b, param, s.eps()), denom);
        writeStep(b, param, p, ratio(b, newExpAvg, denom), -s.stepSize());
    }

    /** See {@link Backend#adagradStep}. */
    public static void adagradStep(Backend b, Strided param, Strided grad, Strided sum, Strided newSum, AdagradStep s) {
        Strided g = withL2(b, grad, param, s.weightDecay());
        Strided square = Temporaries.like(b, param);
        b.binary(BinaryOp.MUL, g, g, square);
        b.binary(BinaryOp.ADD, sum, square, newSum);
        Strided root = Temporaries.like(b, param);
        b.unary(UnaryOp.SQRT, newSum, root);
        Strided std = Temporaries.like(b, param);
        b.binary(BinaryOp.ADD, root, Temporaries.constant(b, param, s.eps()), std);
        writeStep(b, param, param, ratio(b, g, std), -s.decayedLr());
    }

    /** See {@link Backend#rmspropStep}. */
    public static void rmspropStep(Backend b, Strided param, Strided grad, Strided squareAvg, Strided gradAvg,
                                   Strided buffer, Strided newSquareAvg, Strided newGradAvg, Strided newBuffer,
                                   RmspropStep s) {
        Strided g = withL2(b, grad, param, s.weightDecay());
        decayedSquares(b, squareAvg, g, s.alpha(), newSquareAvg);
        Strided variance = newSquareAvg;
        if (s.centered()) {
            b.addScaled(scaled(b, gradAvg, s.alpha()), g, 1 - s.alpha(), newGradAvg);
            Strided negated = Temporaries.like(b, param);
            b.unary(UnaryOp.NEG, newGradAvg, negated);
            Strided square = Temporaries.like(b, param);
            b.binary(BinaryOp.MUL, negated, newGradAvg, square);
            variance = Temporaries.like(b, param);
            b.binary(BinaryOp.ADD, newSquareAvg, square, variance);
        }
        Strided root = Temporaries.like(b, param);
        b.unary(UnaryOp.SQRT, variance, root);
        Strided avg = Temporaries.like(b, param);
        b.binary(BinaryOp.ADD, root, Temporaries.constant(b, param, s.eps()), avg);
        Strided direction = ratio(b, g, avg);
        if (s.hasMomentum()) {
            b.binary(BinaryOp.ADD, scaled(b, buffer, s.momentum()), direction, newBuffer);
            direction = newBuffer;
        }
        writeStep(b, param, param, direction, -s.lr());
    }

    /** {@code x * factor} into a temporary. */
    private static Strided scaled(Backend b, Strided x, double factor) {
        Strided out = Temporaries.like(b, x);
        b.binary(BinaryOp.MUL, x, Temporaries.constant(b, x, factor), out);
        return out;
    }

    /** {@code out = average * decay + (g * (1 - decay)) * g}: a decaying average of squares. */
    private static void decayedSquares(Backend b, Strided average, Strided g, double decay, Strided out) {
        Strided square = Temporaries.like(b, g);
        b.binary(BinaryOp.MUL, scaled(b, g, 1 - decay), g, square);
        b.binary(BinaryOp.ADD, scaled(b, average, decay), square, out);
    }

    /** {@code grad + weightDecay * param}, or {@code grad} itself without weight decay. */
    private static Strided withL2(Backend b, Strided grad, Strided param, double weightDecay) {
        if (weightDecay == 0) {
            return grad;
        }
        Strided g = Temporaries.like(b, param);
        b.addScaled(grad, param, weightDecay, g);
        return g;
    }

    /** {@code numerator / denominator} into a temporary. */
    private static Strided ratio(Backend b, Strided numerator, Strided denominator) {
        Strided out = Temporaries.like(b, numerator);
        b.binary(BinaryOp.DIV, numerator, denominator, out);
        return out;
    }

    /** {@code param = from + alpha * direction}, rounded once, through a temporary. */
    private static void writeStep(Backend b, Strided param, Strided from, Strided direction, double alpha) {
        Strided updated = Temporaries.like(b, param);
        b.addScaled(from, direction, alpha, updated);
        b.copy(updated, param);
    }
}
