package dev.nabla.optim.linear;

import dev.nabla.autodiff.Tensor;

/** Checks of the tables given to the linear models, with messages naming the call. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Checks that {@code x} is a finite {@code [samples, features]} table with at least one sample
     * and, unless {@code features} is negative, that many features.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static void requireFeatures(String op, Tensor x, int features) {
        if (x == null || x.rank() != 2) {
            throw new IllegalArgumentException(op + ": X must have rank 2 [samples, features], got "
                    + (x == null ? "null" : x.shape()) + (x != null && x.rank() == 1 ? "; one feature is"
                    + " x.reshape(-1, 1), one sample x.reshape(1, -1)" : ""));
        }
        if (x.dim(0) == 0 || x.dim(1) == 0) {
            throw new IllegalArgumentException(op + ": X " + x.shape() + " is empty; it needs at least one sample and"
                    + " one feature");
        }
        if (features >= 0 && x.dim(1) != features) {
            throw new IllegalArgumentException(op + ": X " + x.shape() + " has " + x.dim(1) + " features, but the model"
                    + " was fitted on " + features);
        }
        requireFinite(op, "X", x);
    }

    /**
     * @throws IllegalArgumentException naming the first NaN or infinite element of {@code t}
     */
    static void requireFinite(String op, String name, Tensor t) {
        double[] values = t.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                String at = t.rank() == 2 ? "row " + i / t.dim(1) + ", column " + i % t.dim(1) : "index " + i;
                throw new IllegalArgumentException(op + ": " + name + " " + t.shape() + " holds " + values[i] + " at "
                        + at + "; remove or impute missing and infinite values first");
            }
        }
    }
}
