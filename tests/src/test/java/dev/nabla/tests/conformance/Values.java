package dev.nabla.tests.conformance;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;

/** Test inputs: seeded normals with special values (NaN, infinities, signed zeros, extremes) mixed in. */
final class Values {
    private static final double[] SPECIAL = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e30, -1e-30, 88.5, -103.0,
        1.0, -1.0
    };

    private Values() {
    }

    /** {@code shape.numel()} values, exact in {@code dtype}; every 11th is special when asked. */
    static double[] of(Shape shape, DType dtype, long seed, boolean specials) {
        Rng rng = new Rng(seed);
        double[] v = new double[shape.numel()];
        for (int i = 0; i < v.length; i++) {
            double x = specials && i % 11 == 5 ? SPECIAL[(i / 11) % SPECIAL.length] : 3 * rng.nextGaussian();
            v[i] = dtype == DType.F32 ? (float) x : x;
        }
        return v;
    }

    /** {@code n} values cycling through NaN, the infinities and the signed zeros. */
    static double[] nonFiniteAndZeros(int n) {
        double[] edges = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = edges[i % edges.length];
        }
        return v;
    }

    /**
     * Every ordered pair of special values (and 2.5, an ordinary one), as two operands of equal
     * length: {@code [0]} holds the first value of each pair, {@code [1]} the second.
     */
    static double[][] specialPairs(DType dtype) {
        double[] values = Arrays.copyOf(SPECIAL, SPECIAL.length + 1);
        values[SPECIAL.length] = 2.5;
        int n = values.length;
        double[][] pairs = new double[2][n * n];
        for (int i = 0; i < n * n; i++) {
            pairs[0][i] = dtype == DType.F32 ? (float) values[i / n] : values[i / n];
            pairs[1][i] = dtype == DType.F32 ? (float) values[i % n] : values[i % n];
        }
        return pairs;
    }

    /** Integers in [0, bound), as index operands. */
    static double[] indices(Shape shape, int bound, long seed) {
        Rng rng = new Rng(seed);
        double[] v = new double[shape.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(bound);
        }
        return v;
    }
}
