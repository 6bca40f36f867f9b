package dev.nabla.tensor.spi;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;

/** New operands for the default compositions of the SPI's optional kernels. */
final class Temporaries {
    private Temporaries() {
    }

    /** A new contiguous operand of {@code like}'s shape and dtype, on backend {@code b}. */
    static Strided like(Backend b, Strided like) {
        return new Strided(b.allocate(like.dtype(), like.shape().numel()), View.contiguous(like.shape()));
    }

    /** {@code value} in {@code like}'s dtype, one element broadcast to {@code like}'s shape. */
    static Strided constant(Backend b, Strided like, double value) {
        Strided one = new Strided(b.allocate(like.dtype(), 1), View.contiguous(Shape.scalar()));
        b.fill(one, value);
        return one.with(one.view().expand(like.shape()));
    }
}
