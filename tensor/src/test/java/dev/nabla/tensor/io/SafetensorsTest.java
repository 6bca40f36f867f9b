package dev.nabla.tensor.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    private static Map<String, SafetensorsEntry> sample() {
        Map<String, SafetensorsEntry> tensors = new LinkedHashMap<>();
        tensors.put("layer.weight", SafetensorsEntry.of(Shape.of(2, 3), new float[] {1, -2, 3.5f, 0.1f, -0f, 6}));
        tensors.put("layer.bias", SafetensorsEntry.of(Shape.of(3), new double[] {0.1, -1e-300, Double.MAX_VALUE}));
        tensors.put("bn.num_batches_tracked", SafetensorsEntry.ofLongs(Shape.scalar(), new long[] {7}));
        tensors.put("empty", SafetensorsEntry.of(Shape.of(0, 4), new float[0]));
        tensors.put("a.index", SafetensorsEntry.ofLongs(Shape.of(2), new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
        return tensors;
    }

    @Test
    void roundTripsThroughAFileKeepingOrderAndMetadata() throws IOException {
        Map<String, SafetensorsEntry> tensors = sample();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt");
        metadata.put("note", "caf\u00e9 \"\u2207\"\n");
        Path file = dir.resolve("model.safetensors");

        Safetensors.write(file, tensors, metadata);
        SafetensorsFile read = Safetensors.read(file);

        assertThat(read.tensors()).containsExactlyEntriesOf(tensors);
        assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
        assertThat(read.tensor("layer.weight").toFloatArray()).containsExactly(1, -2, 3.5f, 0.1f, -0f, 6);
        assertThat(read.tensor("layer.bias").toDoubleArray()).containsExactly(0.1, -1e-300, Double.MAX_VALUE);
        assertThat(read.tensor("bn.num_batches_tracked").shape()).isEqualTo(Shape.scalar());
        assertThat(read.tensor("bn.num_batches_tracked").toDoubleArray()).containsExactly(7.0);
        assertThat(read.tensor("empty").shape()).isEqualTo(Shape.of(0, 4));
        assertThat(read.tensor("empty").data()).isEmpty();
    }

    @Test
    void layoutFollowsTheFormat() {
        Map<String, SafetensorsEntry> tensors = new LinkedHashMap<>();
        tensors.put("w", SafetensorsEntry.of(Shape.of(2), new float[] {1, 2}));
        tensors.put("n", SafetensorsEntry.ofLongs(Shape.scalar(), new long[] {3}));
        byte[] bytes = Safetensors.toBytes(tensors, Map.of("k", "v"));

        String json = "{\"__metadata__\":{\"k\":\"v\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]}}";
        int headerLength = json.length() + (8 - json.length() % 8) % 8;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0)).isEqualTo(headerLength);
        assertThat((8 + headerLength) % 8).isZero();
        assertThat(new String(bytes, 8, headerLength, UTF_8)).isEqualTo(json + " ".repeat(headerLength - json.length()));
        assertThat(bytes).hasSize(8 + headerLength + 16);
        assertThat(b.getFloat(8 + headerLength)).isEqualTo(1f);
        assertThat(b.getFloat(8 + headerLength + 4)).isEqualTo(2f);
        assertThat(b.getLong(8 + headerLength + 8)).isEqualTo(3L);
    }

    @Test
    void emptyMetadataIsLeftOutAndAnEmptyFileIsValid() throws IOException {
        byte[] bytes = Safetensors.toBytes(Map.of(), Map.of());
        assertThat(bytes).hasSize(16);
        assertThat(new String(bytes, 8, 8, UTF_8)).isEqualTo("{}      ");
        SafetensorsFile read = Safetensors.read(bytes, "empty");
        assertThat(read.tensors()).isEmpty();
        assertThat(read.metadata()).isEmpty();
    }

    @Test
    void writeLeavesNoTemporaryFileAndReplacesAnExistingOne() throws IOException {
        Path file = dir.resolve("ckpt.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        Safetensors.write(file, sample(), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Safetensors.read(file).tensors()).containsExactlyEntriesOf(sample());
    }

    @Test
    void invalidInputLeavesTheOldFileUntouched() throws IOException {
        Path file = dir.resolve("ckpt.safetensors");
        Safetensors.write(file, sample(), Map.of("epoch", "1"));
        byte[] before = Files.readAllBytes(file);
        Map<String, String> badMetadata = new HashMap<>();
        badMetadata.put("epoch", null);

        assertThatThrownBy(() -> Safetensors.write(file, Map.of(), badMetadata))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata entry epoch=null has a null key or value");
        assertThatThrownBy(() -> Safetensors.write(file,
                Map.of("__metadata__", SafetensorsEntry.of(Shape.of(1), new float[1])), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names must be non-null and not __metadata__");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void failedRenameDeletesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        // A non-empty directory cannot be replaced by a file, so the final move fails.
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        Path inside = Files.write(target.resolve("keep.txt"), List.of("old"));

        assertThatThrownBy(() -> Safetensors.write(target, sample(), Map.of())).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.readAllLines(inside)).containsExactly("old");
    }

    @Test
    void writeIntoAMissingDirectoryFailsWithoutLeavingFiles() {
        Path file = dir.resolve("missing").resolve("model.safetensors");
        assertThatThrownBy(() -> Safetensors.write(file, sample(), Map.of())).isInstanceOf(IOException.class);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void fileMapsAreUnmodifiableAndLookupNamesTheAlternatives() throws IOException {
        SafetensorsFile read = Safetensors.read(Safetensors.toBytes(sample(), Map.of("a", "b")), "m");
        assertThatThrownBy(() -> read.tensors().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.tensor("layer.wieght"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("safetensors: no tensor named \"layer.wieght\"; the file has layer.weight, layer.bias,"
                        + " bn.num_batches_tracked, empty, a.index");
    }

    @Test
    void readsTensorsStoredOutOfHeaderOrder() throws IOException {
        // Other writers may order the header differently from the data; only the tiling matters.
        String json = "{\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[1,3]},"
                + "\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}";
        byte[] header = json.getBytes(UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(new byte[] {10, 20, 30});
        SafetensorsFile read = Safetensors.read(b.array(), "x");
        assertThat(read.tensors().keySet()).containsExactly("b", "a");
        assertThat(read.tensor("a").toDoubleArray()).containsExactly(10);
        assertThat(read.tensor("b").toDoubleArray()).containsExactly(20, 30);
        assertThat(Arrays.equals(read.tensor("b").data(), new byte[] {20, 30})).isTrue();
    }
}
