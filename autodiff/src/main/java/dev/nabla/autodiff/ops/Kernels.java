package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import dev.nabla.tensor.spi.Window2d;

/**
 * Runs backend primitives on tensors: validates devices and dtypes, broadcasts operands to a
 * common shape (as zero strides), allocates the output, and calls the backend. Records no graph;
 * the differentiable ops in this package do that.
 */
public final class Kernels {
    private Kernels() {
    }

    /** A new zero-filled contiguous tensor. */
    public static Tensor empty(Shape shape, DType dtype, Backend backend) {
        return Tensor.wrap(backend, backend.allocate(dtype, shape.numel()), View.contiguous(shape));
    }

    /** A rank-0 zero of {@code t}'s dtype and device: broadcasts anywhere without allocating a full tensor. */
    public static Tensor zeroLike(Tensor t) {
        return empty(Shape.scalar(), t.dtype(), t.backend());
    }

    /** {@code op(x)} elementwise. */
    public static Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = empty(x.shape(), x.dtype(), x.backend());
        x.backend().unary(op, x.strided(), out.strided());
        return out;
    }

    /** {@code op(a, b)} elementwise with broadcasting; {@code name} is the op named in errors. */
    public static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        requireCompatible(name, a, b);
        Shape shape = Shape.broadcast(name, a.shape(), b.shape());
        Tensor out = empty(shape, a.dtype(), a.backend());
        a.backend().binary(op, broadcast(a, shape), broadcast(b, shape), out.strided());
        return out;
    }

    /** {@code a + alpha * b} with broadcasting, rounded once (see {@code Backend.addScaled}). */
    public static Tensor addScaled(Tensor a, Tensor b, double alpha) {
        requireCompatible("add", a, b);
        Shape shape = Shape.broadcast("add", a.shape(), b.shape());
        Tensor out = empty(shape, a.dtype(), a.backend());
        a.backend().addScaled(broadcast(a, shape), broadcast(b, shape), alpha, out.strided());
        return out;
    }

    /** {@code condition != 0 ? a : b} with broadcasting of all three. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        requireSameDevice("where", condition, a, b);
        requireSameDType("where", a, b);
        Shape shape = Shape.broadcast("where", Shape.broadcast("where", condition.shape(), a.shape()), b.shape());
        Tensor out = empty(shape, a.dtype(), a.backend());
        Tensor cond = condition.dtype() == a.dtype() ? condition : condition.detach().to(a.dtype());
        a.backend().where(broadcast(cond, shape), broadcast(a, shape), broadcast(b, shape), out.strided());
        return out;
    }

    /** Reduction over the axes flagged in {@code reduced}, keeping them as size-1 axes. */
    public static Tensor reduce(ReduceOp op, Tensor x, boolean[] reduced) {
        int[] dims = x.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            if (reduced[i]) {
                if (dims[i] == 0 && op != ReduceOp.SUM) {
                    throw new IllegalArgumentException(op.name().toLowerCase() + ": cannot reduce the empty axis " + i
                            + " of shape " + x.shape() + "; the result would have no value");
                }
                dims[i] = 1;
            }
        }
        Tensor out = empty(Shape.of(dims), x.dtype(), x.backend());
        x.backend().reduce(op, x.strided(), out.strided());
        return out;
    }

    /** Index of the extreme along {@code axis} (normalized), kept as a size-1 axis. */
    public static Tensor argReduce(ArgReduceOp op, Tensor x, int axis) {
        String name = op.name().toLowerCase();
        if (x.dim(axis) == 0) {
            throw new IllegalArgumentException(name + ": cannot take the " + name + " of the empty axis " + axis
                    + " of shape " + x.shape());
        }
        if (x.dim(axis) > x.dtype().maxExactInteger()) {
            throw new IllegalArgumentException(name + ": axis " + axis + " has " + x.dim(axis)
                    + " elements, more than " + x.dtype() + " can index exactly; convert to F64 first");
        }
        Tensor out = empty(x.shape().with(axis, 1), x.dtype(), x.backend());
        x.backend().argReduce(op, x.strided(), axis, out.strided());
        return out;
    }

    /**
     * A new {@code inputShape [N, C, H, W]} tensor holding the sum, at each input position, of the
     * elements of {@code cols [N, C, KH, KW, OH, OW]} read from it by {@link Backend#im2col} (any strides,
     * zero strides included).
     */
    public static Tensor col2im(Tensor cols, Window2d window, Shape inputShape) {
        Tensor image = empty(inputShape, cols.dtype(), cols.backend());
        cols.backend().col2im(cols.strided(), window, image.strided());
        return image;
    }

    /** {@code t}'s buffer and view, or null for an absent (null) optional operand. */
    public static dev.nabla.tensor.Strided stridedOrNull(Tensor t) {
        return t == null ? null : t.strided();
    }

    /** {@code t} seen with shape {@code shape} (broadcast as zero strides). */
    public static dev.nabla.tensor.Strided broadcast(Tensor t, Shape shape) {
        return t.strided().with(t.strided().view().expand(shape));
    }

    /** Same device and same dtype, else an error naming {@code op} and both. */
    public static void requireCompatible(String op, Tensor a, Tensor b) {
        requireSameDevice(op, a, b);
        requireSameDType(op, a, b);
    }

    /** All on one device, else an error naming the devices and how to move a tensor. */
    public static void requireSameDevice(String op, Tensor... tensors) {
        for (Tensor t : tensors) {
            if (!t.device().equals(tensors[0].device())) {
                throw new IllegalArgumentException(op + ": operands are on different devices, " + tensors[0].device()
                        + " and " + t.device() + "; move one with .to(Device." + tensors[0].device().type().toUpperCase()
                        + ") or .to(Device.parse(\"" + t.device() + "\"))");
            }
        }
    }

    /** All of one dtype, else an error naming the dtypes and how to convert. */
    public static void requireSameDType(String op, Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dtype() != tensors[0].dtype()) {
                throw new IllegalArgumentException(op + ": operands have different dtypes, " + tensors[0].dtype()
                        + " " + tensors[0].shape() + " and " + t.dtype() + " " + t.shape()
                        + "; convert one with .to(DType." + tensors[0].dtype() + ")");
            }
        }
    }
}
