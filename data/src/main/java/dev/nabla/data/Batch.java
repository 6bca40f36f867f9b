package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * A batch of samples stacked along a new first axis, as a {@link DataLoader} delivers it.
 *
 * @param features {@code [N, C, H, W]} or {@code [N, F]}: sample {@code k} is {@code features[k]}
 * @param labels   {@code [N]}, F32: class indices as float values (what the loss functions take)
 *     or regression targets
 * @param indices  the {@code N} dataset indices the samples came from, in batch order (for
 *     debugging and for looking a sample up again); not copied, do not modify
 */
public record Batch(Tensor features, Tensor labels, int[] indices) {

    /**
     * @throws IllegalArgumentException if the first axes of features and labels or the index count disagree
     */
    public Batch {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(indices, "indices");
        if (features.rank() < 1 || labels.rank() != 1 || features.dim(0) != labels.dim(0)
                || indices.length != labels.dim(0)) {
            throw new IllegalArgumentException("batch: features " + features.shape() + ", labels " + labels.shape()
                    + " and " + indices.length + " indices must agree on the batch size N (features [N, ...], labels [N])");
        }
    }

    /** The number of samples N. */
    public int size() {
        return indices.length;
    }

    /** This batch with other features (same labels and indices), e.g. after normalization. */
    public Batch withFeatures(Tensor newFeatures) {
        return new Batch(newFeatures, labels, indices);
    }
}
