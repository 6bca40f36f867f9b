package dev.nabla.train.callbacks;

import dev.nabla.train.FitContext;
import java.util.Map;
import java.util.Objects;

/** A recorded value watched for improvement, shared by the callbacks that keep "the best so far". */
final class Monitor {
    private final String op;
    private final String name;
    private final Mode mode;
    private final double minDelta;
    private boolean higherIsBetter;

    /**
     * @throws IllegalArgumentException if {@code minDelta} is negative or not finite
     */
    Monitor(String op, String name, Mode mode, double minDelta) {
        this.op = op;
        this.name = Objects.requireNonNull(name, op + ": monitor");
        this.mode = Objects.requireNonNull(mode, op + ": mode");
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException(op + ": minDelta must be finite and >= 0, got " + minDelta);
        }
        this.minDelta = minDelta;
    }

    /**
     * Checks that the fit records the monitored name and settles the direction.
     *
     * @throws IllegalArgumentException naming the monitor and the names the fit records
     */
    void start(FitContext context) {
        if (!context.metricNames().contains(name)) {
            boolean validation = name.startsWith("val_");
            throw new IllegalArgumentException(op + ": unknown monitor '" + name + "'; this fit records "
                    + context.metricNames() + (validation && context.metricNames().stream().noneMatch(
                            n -> n.startsWith("val_")) ? "; val_ values need a validation loader" : ""));
        }
        higherIsBetter = mode == Mode.MAX || mode == Mode.AUTO && context.higherIsBetter(name);
    }

    String name() {
        return name;
    }

    /** The starting "best": no value can be worse. */
    double worst() {
        return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The monitored value among an epoch's {@code logs}. */
    double valueIn(Map<String, Double> logs) {
        return logs.getOrDefault(name, Double.NaN);
    }

    /** Whether {@code current} beats {@code best} by more than minDelta; never for NaN. */
    boolean improves(double current, double best) {
        return higherIsBetter ? current > best + minDelta : current < best - minDelta;
    }
}
