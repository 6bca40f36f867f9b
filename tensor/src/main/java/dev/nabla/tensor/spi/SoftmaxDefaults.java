package dev.nabla.tensor.spi;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;

/**
 * The default implementations of {@link Backend}'s log-softmax kernels, composed from its
 * primitives: the output as {@code (x - m) - log(sum(exp(x - m)))} with {@code m} the maximum
 * along the axis, and the input's gradient as {@code grad - exp(out) * sum(grad)}. They define
 * what the kernels mean; a backend that overrides one is checked against these by the
 * conformance suite.
 */
public final class SoftmaxDefaults {
    private SoftmaxDefaults() {
    }

    /** See {@link Backend#logSoftmax}. */
    public static void logSoftmax(Backend b, Strided x, int axis, Strided out) {
        Strided max = reduced(b, x, axis);
        b.reduce(ReduceOp.MAX, x, max);
        Strided shifted = Temporaries.like(b, x);
        b.binary(BinaryOp.SUB, x, along(max, x.shape()), shifted);
        Strided exp = Temporaries.like(b, x);
        b.unary(UnaryOp.EXP, shifted, exp);
        Strided sum = reduced(b, x, axis);
        b.reduce(ReduceOp.SUM, exp, sum);
        Strided logSum = reduced(b, x, axis);
        b.unary(UnaryOp.LOG, sum, logSum);
        b.binary(BinaryOp.SUB, shifted, along(logSum, x.shape()), out);
    }

    /** See {@link Backend#logSoftmaxBackward}. */
    public static void logSoftmaxBackward(Backend b, Strided grad, Strided out, int axis, Strided gradIn) {
        Strided sum = reduced(b, grad, axis);
        b.reduce(ReduceOp.SUM, grad, sum);
        Strided probabilities = Temporaries.like(b, out);
        b.unary(UnaryOp.EXP, out, probabilities);
        Strided scaled = Temporaries.like(b, out);
        b.binary(BinaryOp.MUL, probabilities, along(sum, out.shape()), scaled);
        b.binary(BinaryOp.SUB, grad, scaled, gradIn);
    }

    /** A new operand of {@code x}'s shape with {@code axis} of size 1. */
    private static Strided reduced(Backend b, Strided x, int axis) {
        Shape shape = x.shape().with(axis, 1);
        return new Strided(b.allocate(x.dtype(), shape.numel()), View.contiguous(shape));
    }

    /** {@code perRow}, whose axis is of size 1, broadcast along it to {@code shape}. */
    private static Strided along(Strided perRow, Shape shape) {
        return perRow.with(perRow.view().expand(shape));
    }
}
