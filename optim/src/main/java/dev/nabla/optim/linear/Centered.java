package dev.nabla.optim.linear;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;

/**
 * Training data with each feature's and the target's mean subtracted, in F64 on the device of
 * {@code X}: the intercept then drops out of the problem ({@code b = mean(y) - mean(X) w}), which is
 * how scikit-learn leaves it unpenalised.
 *
 * @param x     the centred features {@code [n, p]}
 * @param y     the centred target {@code [n]}
 * @param xMean each feature's mean, {@code p} values
 * @param yMean the target's mean
 */
record Centered(Tensor x, Tensor y, double[] xMean, double yMean) {
    /**
     * Checks and centres {@code x} {@code [n, p]} and {@code y} {@code [n]}.
     *
     * @param op names the call in messages, e.g. {@code "Ridge.fit"}
     * @throws IllegalArgumentException if a shape is wrong, the devices differ or a value is not finite
     */
    static Centered of(String op, Tensor x, Tensor y) {
        Inputs.requireFeatures(op, x, -1);
        if (y == null || y.rank() != 1) {
            throw new IllegalArgumentException(op + ": y must have rank 1 [samples], got "
                    + (y == null ? "null" : y.shape()) + (y != null && y.rank() == 2 ? "; use y.reshape(-1)" : ""));
        }
        if (y.dim(0) != x.dim(0)) {
            throw new IllegalArgumentException(op + ": X " + x.shape() + " has " + x.dim(0) + " samples but y "
                    + y.shape() + " has " + y.dim(0) + "; they must match");
        }
        if (!y.device().equals(x.device())) {
            throw new IllegalArgumentException(op + ": X is on " + x.device() + " but y on " + y.device()
                    + "; move one with .to(device)");
        }
        Inputs.requireFinite(op, "y", y);
        try (GradMode.Scope s = GradMode.disable()) {
            Tensor xd = x.detach().to(DType.F64);
            Tensor yd = y.detach().to(DType.F64);
            Tensor xMean = xd.mean(0);
            double yMean = yd.mean().item();
            return new Centered(xd.sub(xMean), yd.sub(yMean), xMean.toDoubleArray(), yMean);
        }
    }

    /** The number of features. */
    int features() {
        return xMean.length;
    }

    /** {@code X^T X} of the centred features, {@code [p][p]}. */
    double[][] gram() {
        try (GradMode.Scope s = GradMode.disable()) {
            double[] flat = x.mT().matmul(x).toDoubleArray();
            int p = features();
            double[][] out = new double[p][p];
            for (int i = 0; i < p; i++) {
                System.arraycopy(flat, i * p, out[i], 0, p);
            }
            return out;
        }
    }

    /** {@code X^T y} of the centred data, {@code p} values. */
    double[] xty() {
        try (GradMode.Scope s = GradMode.disable()) {
            return x.mT().matmul(y).toDoubleArray();
        }
    }
}
