package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.List;

/**
 * A function of {@link #dim()} coordinates to minimise, with known global minima, for studying
 * optimizers. {@link #value(Tensor)} is composed of differentiable tensor ops, so an optimizer
 * gets its gradient by autodiff; it takes a batch of points (a grid, for contour plots) as well as
 * one.
 */
public interface TestFunction {
    /** The function's name, e.g. {@code "Rosenbrock"}. */
    String name();

    /** The number of coordinates of a point. */
    int dim();

    /**
     * The value at each point, differentiable.
     *
     * @param x points {@code [..., dim]}: the last axis holds the coordinates
     * @return {@code [...]}: rank 0 for a single point {@code [dim]}
     * @throws IllegalArgumentException if the last axis of {@code x} is not {@code dim} long
     */
    Tensor value(Tensor x);

    /** Every global minimiser, each {@code dim} coordinates. */
    List<double[]> minima();

    /** The value at the minima. */
    double minimumValue();

    /** The customary starting point of benchmarks on this function, {@code dim} coordinates. */
    double[] start();

    /**
     * The value at one point, in F64, not recorded for autodiff.
     *
     * @throws IllegalArgumentException if {@code point} has not {@code dim} coordinates
     */
    default double valueAt(double... point) {
        try (GradMode.Scope s = GradMode.disable()) {
            return value(Tensor.fromArray(point, Shape.of(point.length), DType.F64, Device.REFERENCE)).item();
        }
    }

    /** The Euclidean distance from {@code point} to the nearest global minimiser. */
    default double distanceToNearestMinimum(double... point) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] m : minima()) {
            double sum = 0;
            for (int i = 0; i < m.length; i++) {
                sum += (point[i] - m[i]) * (point[i] - m[i]);
            }
            best = Math.min(best, Math.sqrt(sum));
        }
        return best;
    }

    /**
     * Coordinate {@code i} of each point of {@code x} {@code [..., dim]}, as {@code [...]}.
     *
     * @throws IllegalArgumentException if the last axis of {@code x} is not {@code f.dim()} long
     */
    static Tensor coordinate(TestFunction f, Tensor x, int i) {
        requirePoints(f, x);
        int axis = x.rank() - 1;
        return x.slice(axis, i, i + 1).squeeze(axis);
    }

    /**
     * Checks that {@code x} holds points of {@code f}: {@code [..., f.dim()]}.
     *
     * @throws IllegalArgumentException naming the shapes
     */
    static void requirePoints(TestFunction f, Tensor x) {
        if (x.rank() == 0 || x.dim(x.rank() - 1) != f.dim()) {
            throw new IllegalArgumentException(f.name() + ": points must have shape [..., " + f.dim() + "] (the last"
                    + " axis holds the coordinates), got " + x.shape());
        }
    }
}
