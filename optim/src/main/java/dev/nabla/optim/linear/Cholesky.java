package dev.nabla.optim.linear;

/** Solves a small symmetric positive definite system {@code A x = b} by Cholesky factorisation. */
final class Cholesky {
    /** Relative size below which a pivot counts as zero: the matrix is singular to working precision. */
    private static final double SINGULAR = 1e-13;

    private Cholesky() {
    }

    /**
     * @param a symmetric {@code [p][p]}, overwritten by its factor
     * @param b {@code p} values, not modified
     * @return {@code x}, or null if {@code a} is not positive definite to working precision
     */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double largest = 0;
        for (int i = 0; i < p; i++) {
            largest = Math.max(largest, Math.abs(a[i][i]));
        }
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > SINGULAR * largest)) {
                return null;
            }
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < i; k++) {
                x[i] -= a[i][k] * x[k];
            }
            x[i] /= a[i][i];
        }
        for (int i = p - 1; i >= 0; i--) {
            for (int k = i + 1; k < p; k++) {
                x[i] -= a[k][i] * x[k];
            }
            x[i] /= a[i][i];
        }
        return x;
    }
}
