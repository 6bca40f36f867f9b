package dev.nabla.data;

import dev.nabla.tensor.Shape;
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
     * The shape every sample's features have, when it is known without reading a sample (an
     * in-memory array of samples); null when samples may differ or must be read to tell. A set
     * that returns a shape here answers {@link #readInto}.
     */
    default Shape fixedSampleShape() {
        return null;
    }

    /**
     * Writes the features of sample {@code index} (what {@code get(index).features()} holds, as
     * row-major floats of {@link #fixedSampleShape()}) into {@code dst} from {@code offset}, and
     * returns its label: a sample without the tensor and the copies {@link #get} makes, for a
     * {@link DataLoader} assembling a batch. This default goes through {@link #get}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    default double readInto(int index, float[] dst, int offset) {
        Sample s = get(index);
        float[] features = s.features().toFloatArray();
        System.arraycopy(features, 0, dst, offset, features.length);
        return s.label();
    }

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
