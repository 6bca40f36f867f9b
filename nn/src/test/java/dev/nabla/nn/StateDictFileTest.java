package dev.nabla.nn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsDType;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.io.SafetensorsFile;
import dev.nabla.tensor.io.SafetensorsFormatException;
import dev.nabla.tensor.random.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictFileTest {
    @TempDir
    Path dir;

    /** A feature extractor, a head and a step count kept as an integer buffer. */
    private static final class Net extends Module {
        final Linear head;
        final Tensor steps;

        Net(long seed, DType dtype) {
            Rng rng = new Rng(seed);
            registerModule("features", new Sequential(new Linear(4, 8, true, rng, dtype, Device.REFERENCE),
                    Activation.relu()));
            head = registerModule("head", new Linear(8, 3, true, rng, dtype, Device.REFERENCE));
            steps = registerIntegerBuffer("steps", Tensor.zeros(Shape.scalar(), dtype, Device.REFERENCE));
        }

        Net(long seed) {
            this(seed, DType.F32);
        }

        @Override
        protected Tensor forward(Tensor x) {
            return head.call(namedChildren().get("features").call(x));
        }

        void setSteps(double value) {
            try (GradMode.Scope s = GradMode.disable()) {
                steps.copyFrom(Tensor.scalar(value, steps.dtype(), steps.device()));
            }
        }
    }

    private static Map<String, double[]> values(Module m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, v.toDoubleArray()));
        return out;
    }

    private Path saved(Module m) throws IOException {
        Path path = dir.resolve("model.safetensors");
        m.save(path);
        return path;
    }

    /** No temporary file is left beside {@code file}. */
    private void assertDirectoryHoldsOnly(Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savesPyTorchKeysInTheModuleDtypeWithIntegerBuffersAsI64() throws IOException {
        Net net = new Net(1);
        net.setSteps(41);
        SafetensorsFile file = Safetensors.read(saved(net));
        assertThat(file.tensors().keySet())
                .containsExactly("steps", "features.0.weight", "features.0.bias", "head.weight", "head.bias");
        assertThat(file.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(file.tensor("steps")).isEqualTo(SafetensorsEntry.ofLongs(Shape.scalar(), new long[] {41}));
        assertThat(file.tensor("head.weight"))
                .isEqualTo(SafetensorsEntry.of(Shape.of(3, 8), net.head.weight().toFloatArray()));

        SafetensorsFile f64 = Safetensors.read(saved(new Net(1, DType.F64)));
        assertThat(f64.tensor("head.bias").dtype()).isEqualTo(SafetensorsDType.F64);
        assertThat(f64.tensor("steps").dtype()).isEqualTo(SafetensorsDType.I64);
    }

    @Test
    void batchNormCountsBatchesInAnI64AsPyTorch() throws IOException {
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.call(Tensor.randn(new Rng(4), Shape.of(5, 3), DType.F32, bn.parameters().get(0).device()));
        SafetensorsFile file = Safetensors.read(saved(bn));
        assertThat(file.tensor("num_batches_tracked")).isEqualTo(SafetensorsEntry.ofLongs(Shape.scalar(), new long[] {1}));
        assertThat(file.tensor("running_mean").dtype()).isEqualTo(SafetensorsDType.F32);
    }

    @Test
    void loadRestoresEveryValueAndTheOutputs() throws IOException {
        Net a = new Net(1);
        a.setSteps(7);
        Net b = new Net(2);
        Tensor x = Tensor.randn(new Rng(3), Shape.of(2, 4), DType.F32, Device.REFERENCE);
        Module.LoadResult r = b.load(saved(a));
        assertThat(r.missingKeys()).isEmpty();
        assertThat(r.unexpectedKeys()).isEmpty();
        assertThat(values(b)).usingRecursiveComparison().isEqualTo(values(a));
        assertThat(b.steps.item()).isEqualTo(7.0);
        assertThat(b.call(x).toFloatArray()).containsExactly(a.call(x).toFloatArray());
        assertThat(b.parameters()).allMatch(Tensor::requiresGrad);
    }

    @Test
    void loadConvertsBetweenDtypes() throws IOException {
        Net f64 = new Net(1, DType.F64);
        f64.setSteps(3);
        Net f32 = new Net(2);
        f32.load(saved(f64));
        assertThat(f32.head.weight().dtype()).isEqualTo(DType.F32);
        float[] rounded = new float[24];
        double[] exact = f64.head.weight().toDoubleArray();
        for (int i = 0; i < exact.length; i++) {
            rounded[i] = (float) exact[i];
        }
        assertThat(f32.head.weight().toFloatArray()).containsExactly(rounded);
        assertThat(f32.steps.item()).isEqualTo(3.0);

        Net back = new Net(5, DType.F64);
        back.load(saved(f32));
        assertThat(back.head.weight().toFloatArray()).containsExactly(rounded);
        assertThat(back.steps.dtype()).isEqualTo(DType.F64);
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path path = saved(new Net(1));
        Net b = new Net(2);
        b.save(path);
        assertThat(Safetensors.read(path).tensor("head.bias"))
                .isEqualTo(SafetensorsEntry.of(Shape.of(3), b.head.bias().toFloatArray()));
        assertDirectoryHoldsOnly(path);
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntact() throws IOException {
        Path path = saved(new Net(1));
        byte[] before = Files.readAllBytes(path);
        Net bad = new Net(2);
        bad.setSteps(2.5);
        assertThatThrownBy(() -> bad.save(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("save: integer buffer 'steps' [] holds 2.5 at element 0, which is not a whole number;"
                        + " nothing was written");
        bad.setSteps(Double.NaN);
        assertThatThrownBy(() -> bad.save(path)).hasMessageContaining("holds NaN at element 0");
        assertThat(Files.readAllBytes(path)).as("the old file").isEqualTo(before);
        assertDirectoryHoldsOnly(path);
    }

    @Test
    void aWriteThatFailsAfterTheDataIsWrittenLeavesTheTargetAndNoTemporaryFile() throws IOException {
        // Renaming a file over a non-empty directory fails after the temporary file is complete.
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        Path inside = Files.writeString(target.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> new Net(1).save(target)).isInstanceOf(IOException.class);
        assertThat(Files.readString(inside)).isEqualTo("kept");
        assertDirectoryHoldsOnly(target);
    }

    // ---- loading bad files: every failure names the problem and changes nothing ----

    /** Runs {@code load}, which must throw; then checks that {@code net} kept every value. */
    private static void assertUnchanged(Net net, ThrowingCallable load, Class<? extends Throwable> type, String message) {
        Map<String, double[]> before = values(net);
        assertThatThrownBy(load).isInstanceOf(type).hasMessage(message);
        assertThat(values(net)).usingRecursiveComparison().isEqualTo(before);
    }

    private Path written(Map<String, SafetensorsEntry> entries) throws IOException {
        Path path = dir.resolve("other.safetensors");
        Safetensors.write(path, entries, Map.of());
        return path;
    }

    private static Map<String, SafetensorsEntry> entriesOf(Module m) {
        Map<String, SafetensorsEntry> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, SafetensorsEntry.of(v.shape(), v.toFloatArray())));
        return out;
    }

    @Test
    void aMissingKeyIsReportedAndLoadsNothing() throws IOException {
        Map<String, SafetensorsEntry> entries = entriesOf(new Net(9));
        entries.remove("head.bias");
        Path path = written(entries);
        Net net = new Net(1);
        assertUnchanged(net, () -> net.load(path), IllegalArgumentException.class, "load " + path
                + " into Net: nothing was loaded; missing keys [head.bias]; is it a state dict of another architecture?");
    }

    @Test
    void anExtraKeyIsReportedAndLoadsNothing() throws IOException {
        Map<String, SafetensorsEntry> entries = entriesOf(new Net(9));
        entries.put("tail.weight", SafetensorsEntry.of(Shape.of(2), new float[2]));
        Path path = written(entries);
        Net net = new Net(1);
        assertUnchanged(net, () -> net.load(path), IllegalArgumentException.class, "load " + path
                + " into Net: nothing was loaded; unexpected keys [tail.weight]; is it a state dict of another"
                + " architecture?");
    }

    @Test
    void aWrongShapeIsReportedAndLoadsNothingEvenWhenNotStrict() throws IOException {
        Map<String, SafetensorsEntry> entries = entriesOf(new Net(9));
        entries.put("head.weight", SafetensorsEntry.of(Shape.of(3, 9), new float[27]));
        Path path = written(entries);
        Net net = new Net(1);
        assertUnchanged(net, () -> net.load(path, false), IllegalArgumentException.class, "load " + path
                + " into Net: nothing was loaded; shape mismatches [head.weight: expected [3, 8], got [3, 9]];"
                + " is it a state dict of another architecture?");
    }

    @Test
    void anotherArchitectureGetsEveryMismatchListed() throws IOException {
        Module other = new Sequential(new Linear(4, 8), Activation.relu(), new Linear(8, 3));
        Path path = saved(other);
        Net net = new Net(1);
        assertUnchanged(net, () -> net.load(path), IllegalArgumentException.class, "load " + path
                + " into Net: nothing was loaded; missing keys [steps, features.0.weight, features.0.bias,"
                + " head.weight, head.bias]; unexpected keys [0.bias, 0.weight, 2.bias, 2.weight]; is it a state dict"
                + " of another architecture?");
    }

    @Test
    void nonStrictLoadingFillsWhatMatchesAndReportsTheRest() throws IOException {
        Net source = new Net(9);
        Map<String, SafetensorsEntry> entries = entriesOf(source);
        entries.remove("steps");
        entries.put("extra", SafetensorsEntry.of(Shape.of(1), new float[1]));
        Net net = new Net(1);
        net.setSteps(5);
        Module.LoadResult r = net.load(written(entries), false);
        assertThat(r.missingKeys()).containsExactly("steps");
        assertThat(r.unexpectedKeys()).containsExactly("extra");
        assertThat(net.head.weight().toFloatArray()).containsExactly(source.head.weight().toFloatArray());
        assertThat(net.steps.item()).isEqualTo(5.0);
    }

    /** The saved file of {@code new Net(9)} with {@code edit} applied to its bytes. */
    private Path corrupted(UnaryOperator<byte[]> edit) throws IOException {
        Path path = dir.resolve("corrupt.safetensors");
        new Net(9).save(path);
        Files.write(path, edit.apply(Files.readAllBytes(path)));
        return path;
    }

    private static byte[] replaceInHeader(byte[] bytes, String from, String to) {
        String text = new String(bytes, 0, 8 + headerLength(bytes), UTF_8);
        byte[] head = text.replaceFirst(Pattern.quote(from), to).getBytes(UTF_8);
        byte[] out = bytes.clone();
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    private static int headerLength(byte[] bytes) {
        return (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private void assertCorrupt(Path path, String problem) {
        Net net = new Net(1);
        assertUnchanged(net, () -> net.load(path), SafetensorsFormatException.class, path + ": " + problem);
    }

    @Test
    void anUnknownDtypeLabelIsAFormatError() throws IOException {
        Path path = corrupted(b -> replaceInHeader(b, "\"dtype\":\"F32\"", "\"dtype\":\"X32\""));
        assertCorrupt(path, "tensor \"features.0.weight\": unknown dtype \"X32\"; supported: "
                + Arrays.toString(SafetensorsDType.values()));
    }

    @Test
    void aDtypeLabelThatDisagreesWithTheDataSizeIsAFormatError() throws IOException {
        Path path = corrupted(b -> replaceInHeader(b, "\"dtype\":\"F32\"", "\"dtype\":\"F64\""));
        int dataStart = 8 + headerLength(Files.readAllBytes(path));
        assertCorrupt(path, "tensor \"features.0.weight\": data_offsets [8, 136] span 128 bytes at offset "
                + (dataStart + 8) + " but F64 [8, 4] needs 256 (32 elements x 8 bytes)");
    }

    @Test
    void aTruncatedHeaderIsAFormatError() throws IOException {
        byte[] full = Files.readAllBytes(corrupted(b -> b));
        Path path = corrupted(b -> Arrays.copyOf(b, 40));
        assertCorrupt(path, "header length " + headerLength(full) + " at offset 0 exceeds the file size 40");
        Path stub = corrupted(b -> Arrays.copyOf(b, 5));
        assertCorrupt(stub, "file is 5 bytes, shorter than the 8-byte header length at offset 0");
    }

    @Test
    void aHeaderLengthBeyondTheFileIsAFormatError() throws IOException {
        Path path = corrupted(b -> {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, b.length);
            return b;
        });
        assertCorrupt(path, "header length " + Files.size(path) + " at offset 0 exceeds the file size "
                + Files.size(path));
    }

    @Test
    void truncatedDataIsAFormatErrorNamingTheOffsets() throws IOException {
        byte[] full = Files.readAllBytes(corrupted(b -> b));
        int dataStart = 8 + headerLength(full);
        Path path = corrupted(b -> Arrays.copyOf(b, b.length - 4));
        assertCorrupt(path, "tensor \"head.bias\": data_offsets [264, 276] end beyond the data section, which has 272"
                + " bytes at offsets " + dataStart + ".." + (full.length - 4));
    }

    @Test
    void garbageBytesAreAFormatError() throws IOException {
        byte[] garbage = new byte[300];
        new Random(5).nextBytes(garbage);
        garbage[7] = 0x7f;
        Path path = corrupted(b -> garbage);
        long length = ByteBuffer.wrap(garbage).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertCorrupt(path, "header length " + length + " at offset 0 exceeds the limit of 100000000"
                + " bytes; the file is corrupt or not safetensors");
        Path json = corrupted(b -> replaceInHeader(b, "{\"__metadata__\"", "[\"__metadata__\""));
        assertCorrupt(json, "header is not valid JSON at offset 23: expected ',' or ']' after array element but found ':'");
    }

    @Test
    void aMissingFileIsAnIOException() {
        Net net = new Net(1);
        assertThatThrownBy(() -> net.load(dir.resolve("absent.safetensors")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.safetensors");
    }
}
