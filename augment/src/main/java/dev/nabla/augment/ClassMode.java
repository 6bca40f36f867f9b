package dev.nabla.augment;

import dev.nabla.data.Dataset;
import java.util.List;

/**
 * How {@link ImageAugmenter#flowFromDirectory} labels batches, after Keras's {@code class_mode}.
 * Labels are always {@code [N]} class indices, which is what {@code crossEntropy} takes; Keras's
 * {@code "categorical"} (one-hot rows) is the same information, expanded inside the loss here.
 */
public enum ClassMode {
    /** Class indices {@code 0..K-1}, the class folder names in sorted order (Keras's {@code "sparse"}). */
    SPARSE,
    /** Labels 0 and 1 for exactly two class folders (Keras's {@code "binary"}), e.g. for a sigmoid output. */
    BINARY;

    /**
     * @throws IllegalArgumentException if {@link #BINARY} is asked of a data set without exactly two classes
     */
    void check(Dataset dataset, Object source) {
        List<String> classes = dataset.classNames();
        if (this == BINARY && classes.size() != 2) {
            throw new IllegalArgumentException("flowFromDirectory: class mode BINARY needs exactly 2 class folders, found "
                    + classes.size() + " in " + source + ": " + classes + "; use SPARSE for more classes");
        }
    }
}
