package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;

/**
 * The mean over every sample of an error of {@code output - target}, for regression: output
 * {@code [N]} or {@code [N, 1]}, target {@code [N]}. Lower is better.
 */
public abstract class RegressionError extends MeanMetric {
    /** The error of one sample from its difference {@code output - target}. */
    protected abstract double error(double difference);

    @Override
    public final boolean higherIsBetter() {
        return false;
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        double[] predicted = MetricInputs.singleOutputs(name(), output, target);
        double[] expected = target.toDoubleArray();
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            sum += error(predicted[i] - expected[i]);
        }
        add(sum, expected.length);
    }
}
