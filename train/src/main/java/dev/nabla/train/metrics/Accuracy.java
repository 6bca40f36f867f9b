package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;

/**
 * The fraction of samples classified correctly. By default the output is class scores
 * {@code [N, C]} (logits or probabilities) and the prediction is the highest-scoring class, the
 * first one on a tie; {@link #binary} instead takes one score per sample, {@code [N]} or
 * {@code [N, 1]}, and predicts class 1 above a threshold. Targets {@code [N]} are class indices.
 */
public final class Accuracy extends MeanMetric {
    private static final String OP = "accuracy";
    private final Double threshold;

    /** Accuracy of class scores {@code [N, C]}, C at least 2. */
    public Accuracy() {
        this(null);
    }

    private Accuracy(Double threshold) {
        this.threshold = threshold;
    }

    /**
     * Accuracy of one score per sample, {@code [N]} or {@code [N, 1]}: the prediction is class 1
     * when the score is above {@code threshold} (0.5 for probabilities, 0 for logits), else 0.
     *
     * @throws IllegalArgumentException if {@code threshold} is not finite
     */
    public static Accuracy binary(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException(OP + ": threshold must be finite, got " + threshold);
        }
        return new Accuracy(threshold);
    }

    @Override
    public String name() {
        return OP;
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /**
     * @param output class scores {@code [N, C]}, or {@code [N]} / {@code [N, 1]} for {@link #binary}
     * @param target class indices {@code [N]}
     */
    @Override
    public void update(Tensor output, Tensor target) {
        if (threshold != null) {
            double[] scores = MetricInputs.singleOutputs(OP, output, target);
            int[] labels = MetricInputs.classTargets(OP, target, 2);
            long correct = 0;
            for (int i = 0; i < labels.length; i++) {
                correct += (scores[i] > threshold ? 1 : 0) == labels[i] ? 1 : 0;
            }
            add(correct, labels.length);
            return;
        }
        int classes = MetricInputs.classCount(OP, output, target);
        int[] labels = MetricInputs.classTargets(OP, target, classes);
        double[] predicted = output.argmax(1, false).toDoubleArray();
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        add(correct, labels.length);
    }
}
