package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.Arrays;

/**
 * Class-index targets of {@code nllLoss} and {@code crossEntropy}, checked and prepared on the
 * host. The input is {@code [N, C, d1, ...]} (class axis 1) and the target {@code [N, d1, ...]}:
 * float values holding class numbers in {@code [0, C)}, or the ignore index, whose positions add
 * nothing to the loss and nothing to the weighted mean's denominator.
 */
final class ClassTargets {
    private final Tensor index;
    private final Tensor counted;
    private final Tensor weight;
    private final double weightSum;

    private ClassTargets(Tensor index, Tensor counted, Tensor weight, double weightSum) {
        this.index = index;
        this.counted = counted;
        this.weight = weight;
        this.weightSum = weightSum;
    }

    /**
     * Checks that {@code target} is a class-index target for {@code input} ({@code [N, C, d1, ...]}
     * with target {@code [N, d1, ...]}, or the unbatched {@code [C]} with target {@code []}).
     *
     * @param alternative how else the target may be shaped, for the message; empty if no other way
     */
    static void requireIndexShape(String op, Tensor input, Tensor target, String alternative) {
        if (input.rank() == 0) {
            throw new IllegalArgumentException(op + ": input of shape [] has no class axis; expected [C], [N, C] or"
                    + " [N, C, d1, ...]");
        }
        int classAxis = input.rank() == 1 ? 0 : 1;
        if (input.dim(classAxis) == 0) {
            throw new IllegalArgumentException(op + ": input " + input.shape() + " has no classes (axis " + classAxis
                    + " has size 0)");
        }
        Shape expected = withoutAxis(input.shape(), classAxis);
        if (!target.shape().equals(expected)) {
            throw new IllegalArgumentException(op + ": target " + target.shape() + " does not fit input "
                    + input.shape() + "; expected class indices of shape " + expected + alternative);
        }
    }

    /**
     * Reads and checks the target of a batched {@code input}.
     *
     * @param input       {@code [N, C, d1, ...]}; only its shape, dtype and device are used
     * @param target      {@code [N, d1, ...]}, already shape-checked
     * @param classWeight {@code [C]} in the input's dtype and device, or null for weight 1
     * @throws IllegalArgumentException naming the first value that is not a whole number, or lies
     *                                  outside {@code [0, C)} without being the ignore index
     */
    static ClassTargets of(String op, Tensor input, Tensor target, Tensor classWeight, int ignoreIndex) {
        int classes = input.dim(1);
        double[] values = target.toDoubleArray();
        double[] classWeights = classWeight == null ? null : classWeight.toDoubleArray();
        double[] index = new double[values.length];
        double[] counted = new double[values.length];
        double[] weight = new double[values.length];
        double weightSum = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": target value " + v + " at flat position " + i
                        + " is not a whole number; class-index targets hold class numbers in [0, " + classes + ")"
                        + " (input " + input.shape() + ", target " + target.shape() + ")");
            }
            if (v == ignoreIndex) {
                continue;
            }
            if (v < 0 || v >= classes) {
                throw new IllegalArgumentException(op + ": target value " + (long) v + " at flat position " + i
                        + " is out of range for " + classes + " classes (input " + input.shape() + ", target "
                        + target.shape() + "); class indices lie in [0, " + classes + ") or equal ignoreIndex="
                        + ignoreIndex);
            }
            index[i] = v;
            counted[i] = 1;
            weight[i] = classWeights == null ? 1 : classWeights[(int) v];
            weightSum += weight[i];
        }
        Shape indexShape = target.shape();
        return new ClassTargets(
                Tensor.fromArray(index, indexShape, input.dtype(), input.device()).unsqueeze(1),
                Tensor.fromArray(counted, indexShape, input.dtype(), input.device()),
                Tensor.fromArray(weight, indexShape, input.dtype(), input.device()),
                weightSum);
    }

    /**
     * {@code -weight[t] * logProbs[n, t, d1, ...]} at each target position, 0 where ignored.
     *
     * @param logProbs {@code [N, C, d1, ...]}
     * @return {@code [N, d1, ...]}
     */
    Tensor negativeLogLikelihood(Tensor logProbs) {
        return zeroWhereIgnored(logProbs.gather(1, index).squeeze(1).mul(weight).neg());
    }

    /** {@code perPosition} ({@code [N, d1, ...]}) with the ignored positions set to 0. */
    Tensor zeroWhereIgnored(Tensor perPosition) {
        // A select rather than a product: an ignored position's value may be infinite or NaN.
        return Tensor.where(counted, perPosition, Tensor.scalar(0, perPosition.dtype(), perPosition.device()));
    }

    /**
     * Per-position losses reduced as PyTorch does for class targets: MEAN divides the sum by the
     * total weight of the counted targets (their number without class weights), so it is NaN when
     * every target is ignored.
     */
    Tensor reduce(Tensor perPosition, Reduction reduction) {
        return reduction == Reduction.MEAN ? perPosition.sum().div(weightSum) : reduction.reduce(perPosition);
    }

    /** {@code [C]} weights reshaped to {@code [1, C, 1, ...]} to broadcast against an input of {@code rank}. */
    static Tensor alongClassAxis(Tensor classWeight, int rank) {
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        dims[1] = classWeight.dim(0);
        return classWeight.reshape(dims);
    }

    private static Shape withoutAxis(Shape shape, int axis) {
        int[] dims = new int[shape.rank() - 1];
        for (int i = 0, j = 0; i < shape.rank(); i++) {
            if (i != axis) {
                dims[j++] = shape.dim(i);
            }
        }
        return Shape.of(dims);
    }
}
