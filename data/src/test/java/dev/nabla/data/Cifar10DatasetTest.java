package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10DatasetTest {
    @TempDir
    Path dir;

    /** Records with the given labels; record r's pixel k is {@code (r + k) % 256}. */
    private static byte[] records(int... labels) {
        byte[] b = new byte[labels.length * Cifar10Dataset.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int at = r * Cifar10Dataset.RECORD_BYTES;
            b[at] = (byte) labels[r];
            for (int k = 0; k < 3072; k++) {
                b[at + 1 + k] = (byte) (r + k);
            }
        }
        return b;
    }

    @Test
    void readsRecordsFromSeveralFilesInOrder() throws IOException {
        Path a = Files.write(dir.resolve("data_batch_1.bin"), records(3, 9));
        Path b = Files.write(dir.resolve("data_batch_2.bin"), records(0));
        ArrayDataset d = Cifar10Dataset.load(List.of(a, b), Device.REFERENCE);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape()).isEqualTo(Shape.of(3, 32, 32));
        assertThat(d.label(0)).isEqualTo(3);
        assertThat(d.label(1)).isEqualTo(9);
        assertThat(d.label(2)).isEqualTo(0);
        float[] x = d.get(1).features().toFloatArray();
        assertThat(Arrays.copyOfRange(x, 0, 3)).containsExactly(1, 2, 3);
        assertThat(x[1024]).isEqualTo((1 + 1024) % 256);
        assertThat(x[3071]).isEqualTo((1 + 3071) % 256);
        assertThat(d.classNames().get(3)).isEqualTo("cat");
    }

    @Test
    void truncatedFilesAndBadLabelsAreRejected() throws IOException {
        byte[] two = records(1, 2);
        Path cut = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(two, two.length - 1));
        assertThatThrownBy(() -> Cifar10Dataset.load(List.of(cut), Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(cut + ": 6145 bytes are not a whole number of 3073-byte records: 1 records, then 3072 bytes "
                        + "at offset 3073; the file is truncated or not CIFAR-10");
        Path bad = Files.write(dir.resolve("bad.bin"), records(1, 57));
        assertThatThrownBy(() -> Cifar10Dataset.load(List.of(bad), Device.REFERENCE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(bad + ": label 57 of record 1 at offset 3073 is not a class 0..9; is this CIFAR-100 or not a CIFAR file?");
        assertThatThrownBy(() -> Cifar10Dataset.test(dir)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void readsTheRealSubsetWhenPresent() throws IOException {
        Path train = SharedData.require("cifar10-bin-subset/data_batch_1_first4000.bin");
        Path test = SharedData.require("cifar10-bin-subset/test_batch_first1000.bin");
        ArrayDataset d = Cifar10Dataset.load(List.of(train), Device.REFERENCE);
        assertThat(d.size()).isEqualTo(4000);
        float[] labels = new float[10];
        for (int i = 0; i < 10; i++) {
            labels[i] = d.label(i);
        }
        assertThat(labels).containsExactly(6, 9, 9, 4, 1, 1, 2, 7, 8, 3);
        float[] x = d.get(0).features().toFloatArray();
        assertThat(Arrays.copyOfRange(x, 0, 3)).containsExactly(59, 43, 50);
        assertThat(Arrays.copyOfRange(x, 1024, 1027)).containsExactly(62, 46, 48);
        assertThat(Arrays.copyOfRange(x, 2048, 2051)).containsExactly(63, 45, 43);
        assertThat(d.label(3999)).isEqualTo(4);
        double sum = 0;
        for (float v : d.get(3999).features().toFloatArray()) {
            sum += v;
        }
        assertThat(sum).isEqualTo(235975);
        ArrayDataset both = Cifar10Dataset.load(List.of(train, test), Device.REFERENCE);
        assertThat(both.size()).isEqualTo(5000);
        assertThat(both.label(4000)).isEqualTo(3);
        List<String> meta = Files.readAllLines(train.resolveSibling("batches.meta.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        assertThat(Cifar10Dataset.CLASSES).isEqualTo(meta);
    }
}
