package dev.nabla.optim.testfunctions;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * A convex quadratic whose Hessian has condition number {@code conditionNumber}:
 * {@code f(x) = 1/2 sum over i of lambda_i (Q x)_i^2}, with eigenvalues
 * {@code lambda_i = conditionNumber^(i / (dim - 1))} spaced geometrically from 1 to the condition
 * number, minimum 0 at the origin. Gradient descent with a fixed learning rate needs about
 * {@code conditionNumber} steps per digit here. {@code Q} is the identity, or with {@code rotated}
 * the Householder reflection {@code I - 2 v v^T / (v^T v)} with {@code v = (1, 2, ..., dim)}, which
 * turns the axes of the ellipsoid away from the coordinate axes: per-coordinate methods such as
 * Adam lose their advantage. Customary start {@code (1, ..., 1)}.
 *
 * @param dim             the number of coordinates, {@code >= 2}
 * @param conditionNumber the ratio of the largest to the smallest eigenvalue, {@code >= 1}
 * @param rotated         whether the eigenvectors are turned away from the coordinate axes
 */
public record IllConditionedQuadratic(int dim, double conditionNumber, boolean rotated) implements TestFunction {
    /**
     * @throws IllegalArgumentException if {@code dim < 2} or the condition number is below 1 or not finite
     */
    public IllConditionedQuadratic {
        if (dim < 2) {
            throw new IllegalArgumentException("IllConditionedQuadratic: dim " + dim + " must be >= 2");
        }
        if (!(conditionNumber >= 1 && conditionNumber < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("IllConditionedQuadratic: conditionNumber " + conditionNumber
                    + " must be a finite number >= 1");
        }
    }

    @Override
    public String name() {
        return "IllConditionedQuadratic";
    }

    /** The eigenvalues of the Hessian, from 1 to the condition number. */
    public double[] eigenvalues() {
        double[] out = new double[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = Math.pow(conditionNumber, (double) i / (dim - 1));
        }
        return out;
    }

    @Override
    public Tensor value(Tensor x) {
        TestFunction.requirePoints(this, x);
        int axis = x.rank() - 1;
        Tensor y = x;
        if (rotated) {
            double[] v = new double[dim];
            double norm2 = 0;
            for (int i = 0; i < dim; i++) {
                v[i] = i + 1;
                norm2 += v[i] * v[i];
            }
            Tensor vt = constant(x, v);
            y = x.sub(vt.mul(x.mul(vt).sum(axis, true)).mul(2 / norm2));
        }
        return y.mul(y).mul(constant(x, eigenvalues())).sum(axis).mul(0.5);
    }

    private static Tensor constant(Tensor like, double[] values) {
        return Tensor.fromArray(values, Shape.of(values.length), like.dtype(), like.device());
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[dim]);
    }

    @Override
    public double minimumValue() {
        return 0;
    }

    @Override
    public double[] start() {
        double[] out = new double[dim];
        Arrays.fill(out, 1);
        return out;
    }
}
