package dev.nabla.optim.linear;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;

/**
 * A linear model {@code y = X w + b} fitted to a table of samples, as scikit-learn's: after
 * {@link #fit}, {@link #coefficients()} is {@code w} and {@link #intercept()} is {@code b}. Each
 * subclass minimises its own objective over {@code w} for centred data; the intercept follows as
 * {@code mean(y) - mean(X) w}, so it is never penalised. Fitting computes in F64.
 */
public abstract sealed class LinearModel permits LinearRegression, Ridge, Lasso {
    private final String name;
    private Tensor coefficients;
    private double intercept;

    LinearModel(String name) {
        this.name = name;
    }

    /** The {@code p} coefficients minimising this model's objective for the centred data. */
    abstract double[] solve(Centered data);

    /**
     * Fits the model, replacing any earlier fit.
     *
     * @param x the features {@code [samples, features]}, any dtype; not modified
     * @param y the target {@code [samples]}, on the device of {@code x}; not modified
     * @return this model
     * @throws IllegalArgumentException if a shape is wrong, the devices differ or a value is NaN or
     *                                  infinite
     */
    public final LinearModel fit(Tensor x, Tensor y) {
        Centered data = Centered.of(name + ".fit", x, y);
        double[] w = solve(data);
        double b = data.yMean();
        for (int j = 0; j < w.length; j++) {
            b -= data.xMean()[j] * w[j];
        }
        coefficients = Tensor.fromArray(w, Shape.of(w.length), DType.F64, x.device());
        intercept = b;
        return this;
    }

    /**
     * The predictions {@code X w + b}.
     *
     * @param x the features {@code [samples, features]}, as many features as at fitting
     * @return F64 {@code [samples]} on the device of {@code x}
     * @throws IllegalStateException    if the model is not fitted
     * @throws IllegalArgumentException if {@code x} has another shape or a value is NaN or infinite
     */
    public final Tensor predict(Tensor x) {
        Tensor w = fitted(".predict");
        Inputs.requireFeatures(name + ".predict", x, w.numel());
        try (GradMode.Scope s = GradMode.disable()) {
            return x.detach().to(DType.F64).matmul(w.to(x.device())).add(intercept);
        }
    }

    /**
     * The coefficients {@code w} (scikit-learn's {@code coef_}).
     *
     * @return F64 {@code [features]} (a copy)
     * @throws IllegalStateException if the model is not fitted
     */
    public final Tensor coefficients() {
        return fitted(".coefficients").copy();
    }

    /**
     * The intercept {@code b} (scikit-learn's {@code intercept_}).
     *
     * @throws IllegalStateException if the model is not fitted
     */
    public final double intercept() {
        fitted(".intercept");
        return intercept;
    }

    private Tensor fitted(String call) {
        if (coefficients == null) {
            throw new IllegalStateException(name + call + ": the model is not fitted; call fit(X, y) first");
        }
        return coefficients;
    }
}
