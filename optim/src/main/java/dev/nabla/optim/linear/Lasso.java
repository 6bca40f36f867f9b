package dev.nabla.optim.linear;

/**
 * Linear least squares with an L1 penalty, as scikit-learn's {@code Lasso(alpha)}: minimises
 * {@code (1 / (2 n)) ||y - X w - b||^2 + alpha * ||w||_1} over {@code n} samples (the intercept
 * {@code b} is not penalised). Large enough {@code alpha} sets coefficients exactly to zero.
 *
 * <p>Solved by cyclic coordinate descent, scikit-learn's method, on the Gram matrix
 * {@code G = Xc^T Xc / n} and {@code c = Xc^T yc / n} of the centred data (computed with this
 * library's matmul): each coordinate in turn becomes
 * {@code w_j = softThreshold(c_j - sum over k != j of G_jk w_k, alpha) / G_jj}, starting from zero,
 * until a sweep changes no coefficient by more than {@code tol} times the largest one. The default
 * tolerance is far tighter than scikit-learn's, so the result is the minimiser to about nine
 * significant digits; each sweep costs {@code p^2} operations whatever the number of samples.
 */
public final class Lasso extends LinearModel {
    private final double alpha;
    private final int maxIter;
    private final double tol;
    private int nIter;

    /** {@code alpha} 1, scikit-learn's default. */
    public Lasso() {
        this(1.0);
    }

    /** At most 100000 sweeps, tolerance 1e-12. */
    public Lasso(double alpha) {
        this(alpha, 100_000, 1e-12);
    }

    /**
     * @param alpha   the strength of the penalty, {@code > 0}
     * @param maxIter the most sweeps over the coefficients, {@code >= 1}
     * @param tol     the largest change in a sweep, relative to the largest coefficient, at which
     *                to stop, {@code >= 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Lasso(double alpha, int maxIter, double tol) {
        super("Lasso");
        if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Lasso: alpha " + alpha + " must be a finite number > 0; without a"
                    + " penalty use LinearRegression or Ridge(0)");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("Lasso: maxIter " + maxIter + " must be >= 1");
        }
        if (!(tol >= 0 && tol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Lasso: tol " + tol + " must be a finite number >= 0");
        }
        this.alpha = alpha;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /** The strength of the penalty. */
    public double alpha() {
        return alpha;
    }

    /** The sweeps the last fit took (scikit-learn's {@code n_iter_}); {@code maxIter} if it did not converge. */
    public int nIter() {
        return nIter;
    }

    /** Whether the last fit reached the tolerance within {@code maxIter} sweeps. */
    public boolean converged() {
        return nIter < maxIter;
    }

    @Override
    double[] solve(Centered data) {
        double[][] g = data.gram();
        double[] c = data.xty();
        int n = data.x().dim(0);
        int p = c.length;
        for (int i = 0; i < p; i++) {
            c[i] /= n;
            for (int k = 0; k < p; k++) {
                g[i][k] /= n;
            }
        }
        double[] w = new double[p];
        nIter = maxIter;
        for (int sweep = 1; sweep <= maxIter; sweep++) {
            double largestChange = 0;
            double largest = 0;
            for (int j = 0; j < p; j++) {
                if (g[j][j] == 0) {
                    continue; // a constant feature: its coefficient stays 0
                }
                double r = c[j];
                for (int k = 0; k < p; k++) {
                    if (k != j) {
                        r -= g[j][k] * w[k];
                    }
                }
                double next = Math.signum(r) * Math.max(Math.abs(r) - alpha, 0) / g[j][j];
                largestChange = Math.max(largestChange, Math.abs(next - w[j]));
                largest = Math.max(largest, Math.abs(next));
                w[j] = next;
            }
            if (largestChange <= tol * largest) {
                nIter = sweep;
                break;
            }
        }
        return w;
    }

    /** For example {@code Lasso(alpha=0.1)}, as scikit-learn prints it. */
    @Override
    public String toString() {
        return "Lasso(alpha=" + alpha + ")";
    }
}
