package dev.nabla.tests.conformance;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/** Test inputs: seeded normals with special values (NaN, infinities, signed zeros, extremes) mixed in. */
final class Values {
    private static final double[] SPECIAL = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e30, -1e-30, 88.5, -103.0
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
