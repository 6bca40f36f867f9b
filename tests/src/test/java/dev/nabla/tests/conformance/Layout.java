package dev.nabla.tests.conformance;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import java.util.Arrays;

/**
 * How an operand of a given logical shape sits in memory: every way a view can differ from a
 * plain row-major buffer. Memory outside the view holds a sentinel, so a kernel that reads or
 * writes outside its view is caught.
 */
enum Layout {
    CONTIGUOUS, PERMUTED, STEPPED, FLIPPED, OFFSET, BROADCAST, SCALAR;

    static final double SENTINEL = -7777.25;

    /** Shape of the values to generate: smaller than {@code shape} for BROADCAST and SCALAR. */
    Shape valueShape(Shape shape) {
        if (shape.rank() == 0 || (this != BROADCAST && this != SCALAR)) {
            return shape;
        }
        if (this == BROADCAST) {
            return shape.with(0, 1);
        }
        int[] ones = new int[shape.rank()];
        Arrays.fill(ones, 1);
        return Shape.of(ones);
    }

    /** A view of {@code shape} on {@code backend} whose row-major elements are {@code values}. */
    Strided make(Backend backend, DType dtype, Shape shape, double[] values) {
        Shape vs = valueShape(shape);
        View view;
        int size;
        switch (this) {
            case PERMUTED -> {
                int[] rev = reversed(shape.rank());
                Shape stored = Shape.of(permute(shape.dims(), rev));
                view = View.contiguous(stored).permute(rev);
                size = stored.numel();
            }
            case STEPPED -> {
                // Every other element of a last axis twice as long.
                Shape stored = shape.rank() == 0 ? shape : shape.with(-1, 2 * shape.dim(-1));
                view = shape.rank() == 0 ? View.contiguous(shape)
                        : View.contiguous(stored).slice(-1, 0, 2 * shape.dim(-1), 2);
                size = stored.numel();
            }
            case FLIPPED -> {
                view = View.contiguous(shape).flip(allAxes(shape.rank()));
                size = shape.numel();
            }
            case OFFSET -> {
                view = View.of(shape, shape.contiguousStrides(), 5);
                size = shape.numel() + 9;
            }
            case BROADCAST, SCALAR -> {
                view = View.contiguous(vs).expand(shape);
                size = vs.numel();
            }
            default -> {
                view = View.contiguous(shape);
                size = shape.numel();
            }
        }
        Buffer buffer = backend.allocate(dtype, size);
        double[] sentinel = new double[size];
        Arrays.fill(sentinel, SENTINEL);
        backend.write(buffer, sentinel);
        // Write the values through the un-broadcast view so every stored element is defined.
        View writable = vs.equals(shape) ? view : View.contiguous(vs);
        Buffer src = backend.allocate(dtype, values.length);
        backend.write(src, values);
        backend.copy(new Strided(src, View.contiguous(writable.shape())), new Strided(buffer, writable));
        return new Strided(buffer, view);
    }

    /** Every element of the buffer behind {@code t}, so writes outside the view are caught. */
    static double[] whole(Backend backend, Strided t) {
        return backend.readDoubles(new Strided(t.buffer(), View.contiguous(Shape.of(t.buffer().size()))));
    }

    private static int[] reversed(int rank) {
        int[] r = new int[rank];
        for (int i = 0; i < rank; i++) {
            r[i] = rank - 1 - i;
        }
        return r;
    }

    private static int[] allAxes(int rank) {
        int[] r = new int[rank];
        for (int i = 0; i < rank; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] permute(int[] dims, int[] order) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[order[i]];
        }
        return out;
    }
}
