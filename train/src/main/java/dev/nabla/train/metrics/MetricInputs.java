package dev.nabla.train.metrics;

import dev.nabla.autodiff.Tensor;

/** Shape and value checks shared by the metrics, and the copies of their inputs to the host. */
final class MetricInputs {
    private MetricInputs() {
    }

    /**
     * The number of classes C of class scores {@code [N, C]}, C at least 2, matching a target {@code [N]}.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes otherwise
     */
    static int classCount(String op, Tensor output, Tensor target) {
        requireTargetRows(op, output, target);
        if (output.rank() != 2 || output.dim(1) < 2) {
            throw new IllegalArgumentException(op + ": output " + output.shape() + " must be class scores [N, C] with"
                    + " C >= 2 for target " + target.shape()
                    + "; for one score per sample use Accuracy.binary(threshold)");
        }
        return output.dim(1);
    }

    /**
     * The targets as class indices in {@code [0, classes)}.
     *
     * @throws IllegalArgumentException naming the first target that is not such a whole number
     */
    static int[] classTargets(String op, Tensor target, int classes) {
        double[] values = target.toDoubleArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v < classes) || v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": target[" + i + "] = " + v + " is not a class index in [0, "
                        + classes + ") for output with " + classes + " classes; labels must be whole numbers 0.."
                        + (classes - 1));
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * One prediction per sample, from an output {@code [N]} or {@code [N, 1]} matching a target {@code [N]}.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes otherwise
     */
    static double[] singleOutputs(String op, Tensor output, Tensor target) {
        requireTargetRows(op, output, target);
        if (output.rank() > 2 || output.rank() == 2 && output.dim(1) != 1) {
            throw new IllegalArgumentException(op + ": output " + output.shape() + " must hold one value per sample,"
                    + " [N] or [N, 1], for target " + target.shape());
        }
        return output.toDoubleArray();
    }

    private static void requireTargetRows(String op, Tensor output, Tensor target) {
        if (target.rank() != 1 || output.rank() == 0 || output.dim(0) != target.dim(0)) {
            throw new IllegalArgumentException(op + ": output " + output.shape() + " and target " + target.shape()
                    + " must agree on the batch size N, with target [N]");
        }
    }
}
