package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;

/** Elementwise comparison of a Nabla tensor with a stored torch result, with messages that say where. */
public final class Closeness {
    /**
     * {@code |actual - expected| <= atol + rtol * |expected|}, as {@code torch.allclose} with
     * {@code equal_nan}: a NaN is close only to a NaN, an infinity only to itself.
     */
    public record Tolerance(double atol, double rtol) {
        boolean accepts(double expected, double actual) {
            if (Double.isNaN(expected) || Double.isNaN(actual)) {
                return Double.isNaN(expected) && Double.isNaN(actual);
            }
            if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
                return expected == actual; // rtol * |expected| would accept any finite value
            }
            return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
        }

        @Override
        public String toString() {
            return "atol " + atol + " + rtol " + rtol + " * |expected|";
        }
    }

    private Closeness() {
    }

    /**
     * Fails unless {@code actual} has the expected shape and every element is within
     * {@code tol}. The message starts with {@code what} (case, dtype, which tensor) and gives the
     * first bad element's index, both values, and how many elements disagree.
     */
    public static void assertClose(String what, FixtureReader.Stored expected, Tensor actual, Tolerance tol) {
        int[] actualShape = actual.shape().dims();
        if (!Arrays.equals(expected.shape(), actualShape)) {
            throw new AssertionError(what + ": shape " + Arrays.toString(actualShape) + ", expected "
                    + Arrays.toString(expected.shape()));
        }
        double[] got = actual.toDoubleArray();
        int first = -1;
        int bad = 0;
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            double e = expected.data()[i];
            if (!tol.accepts(e, got[i])) {
                first = first < 0 ? i : first;
                bad++;
                worst = Math.max(worst, Math.abs(got[i] - e));
            }
        }
        if (bad > 0) {
            throw new AssertionError(what + ": at index " + Arrays.toString(unravel(first, expected.shape()))
                    + " expected " + expected.data()[first] + ", actual " + got[first] + " (" + bad + " of "
                    + got.length + " elements differ, max |diff| " + worst + ", tolerance " + tol + ")");
        }
    }

    /** Runs one comparison, adding its failure message to {@code failures} instead of throwing. */
    public static void collect(List<String> failures, Runnable comparison) {
        try {
            comparison.run();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    /** The multi-index of row-major position {@code flat} in {@code shape}. */
    static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
