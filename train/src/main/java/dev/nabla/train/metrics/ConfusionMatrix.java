package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over batches of class scores {@code [N, C]} and
 * class-index targets {@code [N]}: {@code count(t, p)} samples of class {@code t} were predicted
 * as {@code p} (rows are true classes, columns predictions, as scikit-learn's
 * {@code confusion_matrix}). The prediction is the highest-scoring class.
 */
public final class ConfusionMatrix {
    private static final String OP = "confusionMatrix";
    private final int classes;
    private final long[] counts;

    /**
     * An empty matrix for {@code classes} classes.
     *
     * @throws IllegalArgumentException if {@code classes < 2}
     */
    public ConfusionMatrix(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException(OP + ": needs at least 2 classes, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /**
     * Adds one batch.
     *
     * @param output class scores {@code [N, C]} with C equal to {@link #classes()}
     * @param target class indices {@code [N]}
     * @throws IllegalArgumentException if the shapes or the class count do not fit, or a target is
     *                                  not a class index
     */
    public void update(Tensor output, Tensor target) {
        int c = MetricInputs.classCount(OP, output, target);
        if (c != classes) {
            throw new IllegalArgumentException(OP + ": output " + output.shape() + " has " + c + " classes, the matrix"
                    + " counts " + classes + "; make the matrix with the model's number of outputs");
        }
        int[] labels = MetricInputs.classTargets(OP, target, classes);
        double[] predicted = output.argmax(1, false).toDoubleArray();
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i] * classes + (int) predicted[i]]++;
        }
    }

    /** The number of classes C. */
    public int classes() {
        return classes;
    }

    /** Samples of true class {@code trueClass} predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass * classes + predictedClass];
    }

    /** Every sample counted. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Samples of class {@code trueClass} (its row sum). */
    public long support(int trueClass) {
        long n = 0;
        for (int p = 0; p < classes; p++) {
            n += count(trueClass, p);
        }
        return n;
    }

    /** The fraction on the diagonal; NaN when empty. */
    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < classes; k++) {
            correct += count(k, k);
        }
        long n = total();
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /** The counts as {@code [C][C]}, rows true classes, a fresh copy. */
    public long[][] toArray() {
        long[][] out = new long[classes][];
        for (int t = 0; t < classes; t++) {
            out[t] = Arrays.copyOfRange(counts, t * classes, (t + 1) * classes);
        }
        return out;
    }

    /** Forgets every batch added. */
    public void reset() {
        Arrays.fill(counts, 0);
    }

    /**
     * A table for a terminal: a row per true class, labelled with its index and name, and a column
     * per predicted class, headed by its index; each line ends with a newline.
     *
     * @param classNames the names of the classes, or empty for none
     */
    public String format(List<String> classNames) {
        int classes = classes();
        int width = Math.max(Long.toString(total()).length(), Integer.toString(classes - 1).length()) + 1;
        String[] labels = new String[classes];
        int labelWidth = "true \\ predicted".length();
        for (int c = 0; c < classes; c++) {
            labels[c] = c + (c < classNames.size() && !classNames.get(c).equals(Integer.toString(c))
                    ? " " + classNames.get(c) : "");
            labelWidth = Math.max(labelWidth, labels[c].length());
        }
        StringBuilder sb = new StringBuilder(String.format("%-" + labelWidth + "s", "true \\ predicted"));
        for (int c = 0; c < classes; c++) {
            sb.append(String.format("%" + width + "d", c));
        }
        sb.append('\n');
        for (int t = 0; t < classes; t++) {
            sb.append(String.format("%-" + labelWidth + "s", labels[t]));
            for (int p = 0; p < classes; p++) {
                sb.append(String.format("%" + width + "d", count(t, p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The rows, one per line, e.g. {@code [5, 1]\n[0, 4]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (long[] row : toArray()) {
            sb.append(sb.length() == 0 ? "" : "\n").append(Arrays.toString(row));
        }
        return sb.toString();
    }
}
