package dev.nabla.train.callbacks;

/** Whether a monitored value should fall or rise. */
public enum Mode {
    /** Lower is better (a loss, an error). */
    MIN,
    /** Higher is better (an accuracy). */
    MAX,
    /** As the metric says: higher for accuracies, lower for losses and errors. */
    AUTO
}
