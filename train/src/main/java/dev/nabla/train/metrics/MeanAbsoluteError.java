package dev.nabla.train.metrics;

/**
 * The mean of {@code |output - target|} over every sample, for regression: output {@code [N]}
 * or {@code [N, 1]}, target {@code [N]}. Recorded as {@code mae}.
 */
public final class MeanAbsoluteError extends RegressionError {
    @Override
    public String name() {
        return "mae";
    }

    @Override
    protected double error(double difference) {
        return Math.abs(difference);
    }
}
