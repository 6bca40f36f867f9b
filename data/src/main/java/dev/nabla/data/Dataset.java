package dev.nabla.data;

import java.util.List;

/**
 * A finite, indexed collection of {@link Sample}s, like PyTorch's map-style {@code Dataset}.
 *
 * <p>Implementations must allow {@link #get} from several threads at once: a {@link DataLoader}
 * with workers calls it concurrently. The built-in data sets are immutable and so qualify.
 */
public interface Dataset {

    /** The number of samples. */
    int size();

    /**
     * Sample {@code index}, freshly made (the caller may modify its features).
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     * @throws java.io.UncheckedIOException if a lazily read file cannot be read; the message names it
     */
    Sample get(int index);

    /**
     * The class names, where label {@code k} means {@code classNames().get(k)}; empty when the
     * labels are not classes or have no names.
     */
    default List<String> classNames() {
        return List.of();
    }

    /** A view of the samples at {@code indices} (in that order); see {@link Subset}. */
    default Dataset subset(int... indices) {
        return new Subset(this, indices);
    }
}
