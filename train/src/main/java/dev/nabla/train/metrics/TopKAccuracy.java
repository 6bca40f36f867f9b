package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;

/**
 * The fraction of samples whose target class is among the {@code k} highest-scoring classes of
 * class scores {@code [N, C]}; ties rank the lower class index first, so top-1 agrees with
 * {@link Accuracy}. Recorded as {@code top<k>_accuracy}, e.g. {@code top5_accuracy}.
 */
public final class TopKAccuracy extends MeanMetric {
    private final int k;

    /**
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public TopKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("topKAccuracy: k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /** How many of the best classes count as a hit. */
    public int k() {
        return k;
    }

    @Override
    public String name() {
        return "top" + k + "_accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /**
     * @param output class scores {@code [N, C]}
     * @param target class indices {@code [N]}
     */
    @Override
    public void update(Tensor output, Tensor target) {
        int classes = MetricInputs.classCount(name(), output, target);
        int[] labels = MetricInputs.classTargets(name(), target, classes);
        double[] scores = output.toDoubleArray();
        long hits = 0;
        for (int i = 0; i < labels.length; i++) {
            hits += rankOfTarget(scores, i * classes, classes, labels[i]) < k ? 1 : 0;
        }
        add(hits, labels.length);
    }

    /** How many classes of the row starting at {@code row} rank before class {@code target}. */
    private static int rankOfTarget(double[] scores, int row, int classes, int target) {
        double s = scores[row + target];
        int rank = 0;
        for (int c = 0; c < classes; c++) {
            double v = scores[row + c];
            if (v > s || v == s && c < target) {
                rank++;
            }
        }
        return rank;
    }
}
