package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/**
 * Two interleaving half circles in the plane, the classic small nonlinear classification problem
 * (the same construction as scikit-learn's {@code make_moons}): class 0 on the upper arc
 * {@code (cos t, sin t)}, class 1 on the lower arc {@code (1 - cos t, 0.5 - sin t)} for
 * {@code t in [0, pi]}, each point shifted by Gaussian noise, in a seeded random order.
 *
 * @param features {@code [n, 2]} coordinates
 * @param labels   {@code [n]} class ids 0 or 1
 */
public record TwoMoons(Tensor features, Tensor labels) {

    /**
     * Generates {@code n} points ({@code n / 2} on the upper arc) with noise of standard
     * deviation {@code noise}.
     *
     * @throws IllegalArgumentException if {@code n < 2} or {@code noise} is negative or not finite
     */
    public static TwoMoons generate(int n, double noise, Rng rng, DType dtype, Device device) {
        if (n < 2) {
            throw new IllegalArgumentException("twoMoons: need at least 2 samples, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("twoMoons: noise must be finite and >= 0, got " + noise);
        }
        int upper = n / 2;
        int lower = n - upper;
        double[] xy = new double[2 * n];
        double[] label = new double[n];
        int[] order = rng.permutation(n);
        for (int i = 0; i < n; i++) {
            boolean isUpper = i < upper;
            int k = isUpper ? i : i - upper;
            int count = isUpper ? upper : lower;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            int row = order[i];
            xy[2 * row] = (isUpper ? Math.cos(t) : 1 - Math.cos(t)) + noise * rng.nextGaussian();
            xy[2 * row + 1] = (isUpper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * rng.nextGaussian();
            label[row] = isUpper ? 0 : 1;
        }
        return new TwoMoons(Tensor.fromArray(xy, Shape.of(n, 2), dtype, device),
                Tensor.fromArray(label, Shape.of(n), dtype, device));
    }
}
