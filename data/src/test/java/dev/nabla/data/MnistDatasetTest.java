package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDatasetTest {
    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes: magic 0x0000 08 rank, the sizes, then {@code data}. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Three 2x3 images whose pixels are 100 i + k, labels 7, 0, 9. */
    private Path[] smallSet(boolean gzipped) throws IOException {
        byte[] pixels = new byte[18];
        for (int i = 0; i < 18; i++) {
            pixels[i] = (byte) (100 * (i / 6) + i % 6);
        }
        byte[] images = idx(new int[] {3, 2, 3}, pixels);
        byte[] labels = idx(new int[] {3}, new byte[] {7, 0, 9});
        String ext = gzipped ? ".gz" : "";
        return new Path[] {file("train-images-idx3-ubyte" + ext, gzipped ? gzip(images) : images),
            file("train-labels-idx1-ubyte" + ext, gzipped ? gzip(labels) : labels)};
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        for (boolean gzipped : new boolean[] {false, true}) {
            Path[] files = smallSet(gzipped);
            ArrayDataset d = MnistDataset.load(files[0], files[1], MnistDataset.CLASSES, Device.REFERENCE);
            assertThat(d.size()).isEqualTo(3);
            assertThat(d.sampleShape()).isEqualTo(Shape.of(1, 2, 3));
            assertThat(d.get(2).features().toFloatArray()).containsExactly(200, 201, 202, 203, 204, 205);
            assertThat(d.get(2).label()).isEqualTo(9);
            assertThat(d.classNames()).hasSize(10);
            Files.delete(files[0]);
            Files.delete(files[1]);
        }
    }

    @Test
    void findsTheFilesByTheirUsualNames() throws IOException {
        smallSet(true);
        assertThat(MnistDataset.train(dir).size()).isEqualTo(3);
        assertThat(FashionMnistDataset.train(dir).classNames().get(9)).isEqualTo("Ankle boot");
        assertThatThrownBy(() -> MnistDataset.test(dir)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("mnist: no t10k-images-idx3-ubyte[.gz] (nor t10k-images.idx3-ubyte[.gz]) in " + dir);
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        Path[] files = smallSet(false);
        Path bad = file("bad", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> MnistDataset.load(bad, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(bad + ": magic 0x01020304 at offset 0 is not IDX (expected 0x00000803 for images)");
        assertThatThrownBy(() -> MnistDataset.load(files[1], files[0], MnistDataset.CLASSES, Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(files[1] + ": magic 0x00000801 at offset 0 declares 1 dimensions, expected 3 for images "
                        + "(magic 0x00000803); is this the labels file?");
        Path floats = file("floats", new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> MnistDataset.load(files[0], floats, MnistDataset.CLASSES, Device.REFERENCE))
                .hasMessage(floats + ": element type 0x0d at offset 2 is not supported; only unsigned bytes (0x08) are read");
        Path tiny = file("tiny", new byte[] {0, 0});
        assertThatThrownBy(() -> MnistDataset.load(tiny, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .hasMessage(tiny + ": the file has 2 bytes, too short for the 4-byte IDX magic at offset 0");
    }

    @Test
    void truncatedFilesAreRejected() throws IOException {
        Path[] files = smallSet(false);
        byte[] images = Files.readAllBytes(files[0]);
        Path cut = file("cut", Arrays.copyOf(images, images.length - 5));
        assertThatThrownBy(() -> MnistDataset.load(cut, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(cut + ": the sizes [3, 2, 3] need 18 data bytes from offset 16 but the file has 13; it is truncated");
        Path header = file("header", Arrays.copyOf(images, 10));
        assertThatThrownBy(() -> MnistDataset.load(header, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .hasMessage(header + ": the header needs 16 bytes for 3 sizes but the file has 10; it is truncated");
        Path extra = file("extra", Arrays.copyOf(images, images.length + 2));
        assertThatThrownBy(() -> MnistDataset.load(extra, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .hasMessageEndingWith("; 2 extra bytes follow at offset 34");
        byte[] gz = gzip(images);
        Path cutGz = file("cut.gz", Arrays.copyOf(gz, gz.length - 10));
        assertThatThrownBy(() -> MnistDataset.load(cutGz, files[1], MnistDataset.CLASSES, Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(cutGz + ": the gzip data is corrupt or truncated");
    }

    @Test
    void countMismatchAndBadLabelsAreRejected() throws IOException {
        Path[] files = smallSet(false);
        Path two = file("two", idx(new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> MnistDataset.load(files[0], two, MnistDataset.CLASSES, Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(files[0] + ": 3 images but " + two + " holds 2 labels; the two files must come from the same split");
        Path eleven = file("eleven", idx(new int[] {3}, new byte[] {1, 11, 2}));
        assertThatThrownBy(() -> MnistDataset.load(files[0], eleven, MnistDataset.CLASSES, Device.REFERENCE))
                .hasMessage(eleven + ": label 11 of sample 1 at offset 9 is not a class 0..9");
    }

    @Test
    void readsTheRealMnistWhenPresent() throws IOException {
        Path mnist = SharedData.require("mnist");
        ArrayDataset train = MnistDataset.train(mnist);
        ArrayDataset test = MnistDataset.test(mnist);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.sampleShape()).isEqualTo(Shape.of(1, 28, 28));
        float[] first = new float[10];
        for (int i = 0; i < 10; i++) {
            first[i] = train.label(i);
        }
        assertThat(first).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        float[] image = train.get(0).features().toFloatArray();
        assertThat(Arrays.copyOfRange(image, 14 * 28 + 10, 14 * 28 + 20))
                .containsExactly(0, 0, 0, 81, 240, 253, 253, 119, 25, 0);
        assertThat(sum(image)).isEqualTo(27525);
        assertThat(train.label(59_999)).isEqualTo(8);
        assertThat(sum(train.get(59_999).features().toFloatArray())).isEqualTo(20920);
        assertThat(test.label(0)).isEqualTo(7);
        assertThat(sum(test.get(0).features().toFloatArray())).isEqualTo(18454);
        int[] counts = new int[10];
        for (int i = 0; i < test.size(); i++) {
            counts[(int) test.label(i)]++;
        }
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
