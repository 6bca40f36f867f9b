package dev.nabla.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric of every epoch of a fit, by name: {@code loss} and the metrics' names for the
 * training batches ({@code accuracy}, {@code top5_accuracy}, {@code mse}, ...), the same names
 * prefixed {@code val_} for the validation set, and {@code lr}, the first param group's learning
 * rate during the epoch's last batch. Epoch {@code e} (from 0) is index {@code e} of every list.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    /** The number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The names recorded, in the order they first appeared. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Whether {@code name} was recorded. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of {@code name} at every epoch (NaN for epochs that did not record it).
     *
     * @throws IllegalArgumentException if {@code name} was never recorded, listing the names that were
     */
    public List<Double> get(String name) {
        List<Double> v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("history: no metric named '" + name + "'; recorded: " + names());
        }
        return Collections.unmodifiableList(v);
    }

    /**
     * The value of {@code name} at the last epoch.
     *
     * @throws IllegalArgumentException if {@code name} was never recorded
     * @throws IllegalStateException    if no epoch was recorded
     */
    public double last(String name) {
        List<Double> v = get(name);
        if (epochs == 0) {
            throw new IllegalStateException("history: no epoch recorded yet");
        }
        return v.get(epochs - 1);
    }

    /** The values of the last epoch by name; empty before the first epoch. */
    public Map<String, Double> lastEpoch() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (epochs > 0) {
            values.forEach((k, v) -> out.put(k, v.get(epochs - 1)));
        }
        return out;
    }

    /** Appends one epoch; names not given are NaN for it, new names are NaN for earlier epochs. */
    void append(Map<String, Double> epochValues) {
        epochValues.keySet().forEach(k -> values.computeIfAbsent(k, x -> new ArrayList<>(
                Collections.nCopies(epochs, Double.NaN))));
        values.forEach((k, v) -> v.add(epochValues.getOrDefault(k, Double.NaN)));
        epochs++;
    }

    /** Removes every epoch. */
    void clear() {
        values.clear();
        epochs = 0;
    }

    /**
     * One header line {@code epoch,<names>} and one line per epoch, the epoch counted from 1 and
     * the values written as {@link Double#toString} writes them (so they read back exactly).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("epoch");
        values.keySet().forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (int e = 0; e < epochs; e++) {
            sb.append(e + 1);
            for (List<Double> v : values.values()) {
                sb.append(',').append(v.get(e));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * A JSON object {@code {"epochs": n, "<name>": [v0, v1, ...], ...}}; NaN and infinities are
     * written as {@code null}, which JSON has no numbers for.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"epochs\": ").append(epochs);
        values.forEach((k, v) -> {
            sb.append(",\n  ").append(Json.string(k)).append(": [");
            for (int e = 0; e < v.size(); e++) {
                sb.append(e == 0 ? "" : ", ").append(Json.number(v.get(e)));
            }
            sb.append(']');
        });
        return sb.append("\n}\n").toString();
    }

    /** For example {@code History(3 epochs: loss, accuracy, val_loss, val_accuracy, lr)}. */
    @Override
    public String toString() {
        return "History(" + epochs + (epochs == 1 ? " epoch: " : " epochs: ") + String.join(", ", values.keySet())
                + ")";
    }
}
