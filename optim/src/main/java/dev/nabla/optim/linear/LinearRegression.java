package dev.nabla.optim.linear;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.SGD;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ordinary least squares, as scikit-learn's {@code LinearRegression}, trained by full-batch
 * gradient descent with any optimizer of this library: minimises the mean squared error
 * {@code (1 / (2 n)) ||y - X w - b||^2}.
 *
 * <p>Fitting centres the data (which gives the intercept) and scales each feature to unit
 * standard deviation, so one learning rate suits features of any scale; then it steps the
 * optimizer on the coefficients {@code w} of the scaled features, computing the loss and its
 * gradient with autodiff, until the largest gradient component is at most {@code tol} times the
 * standard deviation of {@code y}, and maps {@code w} back to the original scale. The default
 * optimizer is SGD with learning rate 0.1 and momentum 0.9, stable up to a few tens of strongly
 * correlated features. For the exact solution in one step use {@code Ridge(0)}.
 *
 * <pre>{@code
 * LinearRegression ols = new LinearRegression(
 *         params -> new SGD(params, SGD.Options.lr(0.05).withMomentum(0.9)), 20_000, 1e-10);
 * ols.fit(x, y);
 * }</pre>
 */
public final class LinearRegression extends LinearModel {
    private final Function<List<Tensor>, ? extends Optimizer<?>> optimizer;
    private final int maxSteps;
    private final double tol;
    private int nIter;

    /** SGD with learning rate 0.1 and momentum 0.9, at most 100000 steps, tolerance 1e-11. */
    public LinearRegression() {
        this(params -> new SGD(params, SGD.Options.lr(0.1).withMomentum(0.9)), 100_000, 1e-11);
    }

    /**
     * @param optimizer makes the optimizer for the list of parameters it is given (one tensor, the
     *                  coefficients {@code [p]} of the scaled features)
     * @param maxSteps  the most optimizer steps, {@code >= 1}
     * @param tol       the largest gradient component, relative to the standard deviation of
     *                  {@code y}, at which to stop, {@code >= 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public LinearRegression(Function<List<Tensor>, ? extends Optimizer<?>> optimizer, int maxSteps, double tol) {
        super("LinearRegression");
        this.optimizer = Objects.requireNonNull(optimizer, "LinearRegression: optimizer");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("LinearRegression: maxSteps " + maxSteps + " must be >= 1");
        }
        if (!(tol >= 0 && tol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("LinearRegression: tol " + tol + " must be a finite number >= 0");
        }
        this.maxSteps = maxSteps;
        this.tol = tol;
    }

    /** The optimizer steps the last fit took; {@code maxSteps} if it did not converge. */
    public int nIter() {
        return nIter;
    }

    /** Whether the last fit reached the tolerance within {@code maxSteps} steps. */
    public boolean converged() {
        return nIter < maxSteps;
    }

    /**
     * @throws IllegalArgumentException if the optimizer made does not optimize the given parameter
     * @throws IllegalStateException    if the loss becomes NaN or infinite (the learning rate is too high)
     */
    @Override
    double[] solve(Centered data) {
        Tensor scale;
        Tensor x;
        double yScale;
        try (GradMode.Scope s = GradMode.disable()) {
            scale = data.x().pow(2).mean(0).sqrt();
            scale = Tensor.where(scale.gt(0), scale, scale.onesLike());
            x = data.x().div(scale);
            double std = Math.sqrt(data.y().pow(2).mean().item());
            yScale = std > 0 ? std : 1;
        }
        Tensor w = Tensor.zeros(Shape.of(data.features()), DType.F64, x.device()).requiresGrad(true);
        Optimizer<?> opt = optimizer.apply(List.of(w));
        if (opt == null || !opt.parameters().contains(w)) {
            throw new IllegalArgumentException("LinearRegression: the optimizer factory must return an optimizer of"
                    + " the parameters it is given, e.g. params -> new SGD(params, SGD.Options.lr(0.1))");
        }
        nIter = maxSteps;
        for (int step = 0; step < maxSteps; step++) {
            opt.zeroGrad();
            Tensor loss = x.matmul(w).sub(data.y()).pow(2).mean().mul(0.5);
            double value = loss.item();
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("LinearRegression.fit: the loss became " + value + " at step " + step
                        + "; lower the optimizer's learning rate");
            }
            loss.backward();
            if (w.grad().abs().max().item() <= tol * yScale) {
                nIter = step;
                break;
            }
            opt.step();
        }
        try (GradMode.Scope s = GradMode.disable()) {
            return w.detach().div(scale).toDoubleArray();
        }
    }

    /** {@code LinearRegression()}, as scikit-learn prints it. */
    @Override
    public String toString() {
        return "LinearRegression()";
    }
}
