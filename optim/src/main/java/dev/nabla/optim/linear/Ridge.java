package dev.nabla.optim.linear;

/**
 * Linear least squares with an L2 penalty, as scikit-learn's {@code Ridge(alpha)}: minimises
 * {@code ||y - X w - b||^2 + alpha * ||w||^2} (the intercept {@code b} is not penalised). Solved
 * exactly: the Gram matrix {@code Xc^T Xc} of the centred features is computed with this library's
 * matmul, and {@code (Xc^T Xc + alpha I) w = Xc^T yc} by a Cholesky factorisation, as
 * scikit-learn's {@code cholesky} solver does.
 *
 * <pre>{@code
 * Ridge ridge = new Ridge(0.5);
 * ridge.fit(x, y);                  // x [n, p], y [n]
 * Tensor w = ridge.coefficients();  // [p]
 * Tensor predictions = ridge.predict(xTest);
 * }</pre>
 */
public final class Ridge extends LinearModel {
    private final double alpha;

    /** {@code alpha} 1, scikit-learn's default. */
    public Ridge() {
        this(1.0);
    }

    /**
     * @param alpha the strength of the penalty, {@code >= 0} (0: ordinary least squares, which needs
     *              linearly independent features)
     * @throws IllegalArgumentException if {@code alpha} is negative, NaN or infinite
     */
    public Ridge(double alpha) {
        super("Ridge");
        if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Ridge: alpha " + alpha + " must be a finite number >= 0");
        }
        this.alpha = alpha;
    }

    /** The strength of the penalty. */
    public double alpha() {
        return alpha;
    }

    /**
     * @throws IllegalArgumentException if {@code Xc^T Xc + alpha I} is singular (alpha 0 with
     *                                  linearly dependent or constant features)
     */
    @Override
    double[] solve(Centered data) {
        double[][] a = data.gram();
        for (int i = 0; i < a.length; i++) {
            a[i][i] += alpha;
        }
        double[] w = Cholesky.solve(a, data.xty());
        if (w == null) {
            throw new IllegalArgumentException("Ridge.fit: X^T X + alpha I is singular with alpha " + alpha
                    + " (the centred features are linearly dependent, or one is constant); use alpha > 0");
        }
        return w;
    }

    /** For example {@code Ridge(alpha=0.5)}, as scikit-learn prints it. */
    @Override
    public String toString() {
        return "Ridge(alpha=" + alpha + ")";
    }
}
