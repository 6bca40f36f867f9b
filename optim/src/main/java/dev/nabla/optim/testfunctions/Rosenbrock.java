package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Rosenbrock's banana function in {@code dim} coordinates:
 * {@code f(x) = sum over i < dim - 1 of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2}, minimum 0 at
 * {@code (1, ..., 1)}, at the end of a long, curved, nearly flat valley. Customary start
 * {@code (-1.2, 1, -1.2, 1, ...)}.
 *
 * @param dim the number of coordinates, {@code >= 2}
 */
public record Rosenbrock(int dim) implements TestFunction {
    /**
     * @throws IllegalArgumentException if {@code dim < 2}
     */
    public Rosenbrock {
        if (dim < 2) {
            throw new IllegalArgumentException("Rosenbrock: dim " + dim + " must be >= 2");
        }
    }

    /** The two-dimensional function. */
    public Rosenbrock() {
        this(2);
    }

    @Override
    public String name() {
        return "Rosenbrock";
    }

    @Override
    public Tensor value(Tensor x) {
        TestFunction.requirePoints(this, x);
        int axis = x.rank() - 1;
        Tensor head = x.slice(axis, 0, dim - 1);
        Tensor tail = x.slice(axis, 1, dim);
        Tensor valley = tail.sub(head.mul(head));
        return valley.mul(valley).mul(100).add(head.neg().add(1).pow(2)).sum(axis);
    }

    @Override
    public List<double[]> minima() {
        double[] ones = new double[dim];
        Arrays.fill(ones, 1);
        return List.of(ones);
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    @Override
    public double[] start() {
        double[] out = new double[dim];
        Arrays.setAll(out, i -> i % 2 == 0 ? -1.2 : 1);
        return out;
    }
}
