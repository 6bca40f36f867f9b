package dev.nabla.data;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10 in its binary version ({@code cifar-10-batches-bin}): files of 3073-byte records,
 * each one label byte {@code 0..9} then 1024 red, 1024 green and 1024 blue bytes of a 32x32
 * image in row-major order. Files may be gzipped.
 *
 * <p>Samples are {@code [3, 32, 32]} F32 with values {@code 0..255}; the pixels are held as bytes.
 *
 * <pre>{@code
 * ArrayDataset train = Cifar10Dataset.train(Path.of("data/cifar-10-batches-bin"));
 * }</pre>
 */
public final class Cifar10Dataset {
    /** The class names, in label order (as in {@code batches.meta.txt}). */
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    /** Bytes per record: one label and 3 x 32 x 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

    private Cifar10Dataset() {
    }

    /** The 50,000 training samples: {@code data_batch_1.bin} to {@code data_batch_5.bin} in {@code dir}. */
    public static ArrayDataset train(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        return load(files, Backends.defaultDevice());
    }

    /** The 10,000 test samples: {@code test_batch.bin} in {@code dir}. */
    public static ArrayDataset test(Path dir) throws IOException {
        return load(List.of(dir.resolve("test_batch.bin")), Backends.defaultDevice());
    }

    /**
     * The records of {@code files}, in order, as one dataset on {@code device}.
     *
     * @throws java.nio.file.NoSuchFileException if a file is missing
     * @throws DatasetFormatException naming the file and the offset if its length is not a whole number of
     *     records or a label is not {@code 0..9}
     */
    public static ArrayDataset load(List<Path> files, Device device) throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Float> labels = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = DataFiles.readAll(file);
            if (bytes.length % RECORD_BYTES != 0) {
                int whole = bytes.length / RECORD_BYTES;
                throw new DatasetFormatException(file + ": " + bytes.length + " bytes are not a whole number of "
                        + RECORD_BYTES + "-byte records: " + whole + " records, then " + (bytes.length % RECORD_BYTES)
                        + " bytes at offset " + (long) whole * RECORD_BYTES + "; the file is truncated or not CIFAR-10");
            }
            for (int at = 0; at < bytes.length; at += RECORD_BYTES) {
                int label = bytes[at] & 0xFF;
                if (label >= CLASSES.size()) {
                    throw new DatasetFormatException(file + ": label " + label + " of record " + at / RECORD_BYTES
                            + " at offset " + at + " is not a class 0..9; is this CIFAR-100 or not a CIFAR file?");
                }
                labels.add((float) label);
                pixels.write(bytes, at + 1, RECORD_BYTES - 1);
            }
        }
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return ArrayDataset.ofUnsignedBytes(pixels.toByteArray(), Shape.of(3, 32, 32), y, CLASSES, device);
    }
}
