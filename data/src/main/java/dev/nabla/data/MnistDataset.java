package dev.nabla.data;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads MNIST (handwritten digits, 28x28 grayscale, classes "0" to "9") from its IDX files,
 * gzipped or raw, under the usual names: {@code train-images-idx3-ubyte[.gz]},
 * {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-images-idx3-ubyte[.gz]},
 * {@code t10k-labels-idx1-ubyte[.gz]} (the dotted {@code train-images.idx3-ubyte} form is also found).
 *
 * <p>Samples are {@code [1, 28, 28]} F32 with pixel values {@code 0..255} (rescale them, e.g.
 * with {@link Normalizer#rescale}); labels are the digits. The pixels are held as bytes: 47 MB for
 * the 60,000 training images.
 *
 * <pre>{@code
 * ArrayDataset train = MnistDataset.train(Path.of("data/mnist"));
 * }</pre>
 */
public final class MnistDataset {
    /** The class names "0" to "9". */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private MnistDataset() {
    }

    /** The 60,000 training samples from {@code dir}; see {@link #load(Path, Path, List, Device)}. */
    public static ArrayDataset train(Path dir) throws IOException {
        return fromDirectory(dir, "train", CLASSES);
    }

    /** The 10,000 test samples ({@code t10k-*}) from {@code dir}; see {@link #load(Path, Path, List, Device)}. */
    public static ArrayDataset test(Path dir) throws IOException {
        return fromDirectory(dir, "t10k", CLASSES);
    }

    /**
     * Reads an images file ({@code [N, H, W]}, magic {@code 0x00000803}) and a labels file
     * ({@code [N]}, magic {@code 0x00000801}) into samples {@code [1, H, W]} on {@code device}.
     *
     * @param classNames the names of the classes; every label must be below their count
     * @throws DatasetFormatException naming the file and the offset if either file is corrupt, truncated or of
     *     the wrong kind, if the counts differ, or if a label is not a class
     */
    public static ArrayDataset load(Path images, Path labels, List<String> classNames, Device device)
            throws IOException {
        IdxFile x = IdxFile.read(images, 3, "images");
        IdxFile y = IdxFile.read(labels, 1, "labels");
        if (x.dims()[0] != y.dims()[0]) {
            throw new DatasetFormatException(images + ": " + x.dims()[0] + " images but " + labels + " holds "
                    + y.dims()[0] + " labels; the two files must come from the same split");
        }
        float[] classes = new float[y.dims()[0]];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = y.get(i);
            if (classes[i] >= classNames.size()) {
                throw IdxFile.fail(labels, "label " + y.get(i) + " of sample " + i + " at offset " + (y.start() + i)
                        + " is not a class 0.." + (classNames.size() - 1));
            }
        }
        return ArrayDataset.ofUnsignedBytes(x.elements(), Shape.of(1, x.dims()[1], x.dims()[2]), classes, classNames,
                device);
    }

    /** Reads the split whose files start with {@code prefix} ("train" or "t10k") from {@code dir}. */
    static ArrayDataset fromDirectory(Path dir, String prefix, List<String> classNames) throws IOException {
        return load(find(dir, prefix, "images", 3), find(dir, prefix, "labels", 1), classNames,
                Backends.defaultDevice());
    }

    private static Path find(Path dir, String prefix, String kind, int rank) throws NoSuchFileException {
        String dashed = prefix + "-" + kind + "-idx" + rank + "-ubyte";
        String dotted = prefix + "-" + kind + ".idx" + rank + "-ubyte";
        for (String name : List.of(dashed + ".gz", dashed, dotted + ".gz", dotted)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new NoSuchFileException(dir.resolve(dashed + ".gz").toString(), null,
                "mnist: no " + dashed + "[.gz] (nor " + dotted + "[.gz]) in " + dir);
    }
}
