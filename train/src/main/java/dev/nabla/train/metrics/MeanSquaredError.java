package dev.nabla.train.metrics;

/**
 * The mean of {@code (output - target)^2} over every sample, for regression: output {@code [N]}
 * or {@code [N, 1]}, target {@code [N]}. Recorded as {@code mse}.
 */
public final class MeanSquaredError extends RegressionError {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    protected double error(double difference) {
        return difference * difference;
    }
}
