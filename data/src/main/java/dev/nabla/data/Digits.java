package dev.nabla.data;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 8x8 handwritten digits: 1,797 grayscale images with values {@code 0..16}, classes "0" to
 * "9", bundled with Nabla (copied from scikit-learn's {@code load_digits}, BSD-3-Clause; see the
 * resource {@code dev/nabla/data/digits-NOTICE.md}), so examples and tests need no download.
 *
 * <pre>{@code
 * Split split = Digits.split(0.2, 42);   // 1,437 training and 360 test samples
 * }</pre>
 */
public final class Digits {
    /** The number of samples. */
    public static final int SIZE = 1797;
    private static final String RESOURCE = "digits.csv.gz";

    private Digits() {
    }

    /** All samples {@code [1, 8, 8]}, F32 with values {@code 0..16}, on the default device, in the file's order. */
    public static ArrayDataset load() {
        return load(Backends.defaultDevice());
    }

    /** All samples {@code [1, 8, 8]}, F32 with values {@code 0..16}, on {@code device}, in the file's order. */
    public static ArrayDataset load(Device device) {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("digits: resource dev/nabla/data/" + RESOURCE
                        + " is missing from the classpath; the nabla-data jar is incomplete");
            }
            return CsvDataset.reader().header(false).sampleShape(Shape.of(1, 8, 8)).classNames(MnistDataset.CLASSES)
                    .device(device).read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("digits: cannot read the bundled resource " + RESOURCE, e);
        }
    }

    /**
     * A seeded train/test split of {@link #load()}: {@code ceil(testFraction * 1797)} test samples
     * (see {@link Split#random}).
     */
    public static Split split(double testFraction, long seed) {
        return Split.random(load(), testFraction, seed);
    }
}
