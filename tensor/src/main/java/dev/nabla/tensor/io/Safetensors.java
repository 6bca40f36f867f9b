package dev.nabla.tensor.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.nabla.tensor.Shape;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes the safetensors format, which PyTorch and the Hugging Face tools also read.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length N; N bytes of UTF-8 JSON
 * {@code {"__metadata__": {"k": "v"}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets":
 * [begin, end]}, ...}}, padded with spaces so the data starts 8-byte aligned; then the data
 * section, in which every tensor's bytes lie at {@code [begin, end)}. The tensors tile the data
 * section exactly: no gaps, no overlaps, nothing after the last one.
 *
 * <p>Reading validates all of that and throws {@link SafetensorsFormatException} naming the file,
 * the byte offset and the problem. Writing is atomic: a reader of the target path sees the old
 * file or the complete new one, never a partial file.
 */
public final class Safetensors {
    /** The header size limit of the reference implementation; a larger header means a corrupt file. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String METADATA_KEY = "__metadata__";
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Safetensors() {
    }

    /**
     * Reads the file at {@code path}; error messages name it by {@code path.toString()}.
     *
     * @throws SafetensorsFormatException if the file is not valid safetensors
     * @throws IOException if it cannot be read, or is larger than 2 GiB (the file is held in one array)
     */
    public static SafetensorsFile read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(path + ": file is " + size + " bytes; this reader holds a file in one array"
                    + " and supports at most 2 GiB");
        }
        return read(Files.readAllBytes(path), path.toString());
    }

    /**
     * Parses the complete contents of a safetensors file.
     *
     * @param bytes the file's bytes; not modified, and not referenced after the call
     * @param sourceName the name error messages give the file, such as its path
     * @throws SafetensorsFormatException if {@code bytes} is not valid safetensors
     */
    public static SafetensorsFile read(byte[] bytes, String sourceName) throws SafetensorsFormatException {
        return new Reader(bytes, sourceName).read();
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code path}, atomically: the bytes go to a
     * temporary file in the same directory, are forced to the storage device, and the temporary
     * file is then renamed over {@code path}. On any failure the temporary file is deleted and an
     * existing file at {@code path} is left as it was.
     *
     * @param tensors laid out contiguously in the map's iteration order
     * @param metadata written as {@code __metadata__} unless empty
     * @throws IllegalArgumentException for a null or reserved ({@code __metadata__}) name, a null
     *     metadata key or value, or a file beyond 2 GiB; nothing is written then
     * @throws IOException if writing or renaming fails, for example on a file system without atomic moves
     */
    public static void write(Path path, Map<String, SafetensorsEntry> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] bytes = toBytes(tensors, metadata);
        Path target = path.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Without this a crash after the rename could leave a renamed but empty file.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
    }

    /**
     * The complete safetensors file for {@code tensors} and {@code metadata}, as {@link #write}
     * stores it.
     *
     * @throws IllegalArgumentException as for {@link #write}
     */
    public static byte[] toBytes(Map<String, SafetensorsEntry> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("safetensors: metadata entry " + key + "=" + value
                        + " has a null key or value; metadata maps strings to strings");
            }
        });
        if (!metadata.isEmpty()) {
            header.put(METADATA_KEY, metadata);
        }
        long offset = 0;
        List<byte[]> data = new ArrayList<>();
        for (Map.Entry<String, SafetensorsEntry> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.equals(METADATA_KEY) || e.getValue() == null) {
                throw new IllegalArgumentException("safetensors: cannot write tensor " + name + "=" + e.getValue()
                        + "; names must be non-null and not " + METADATA_KEY + ", entries non-null");
            }
            SafetensorsEntry entry = e.getValue();
            byte[] bytes = entry.data();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", entry.dtype().name());
            info.put("shape", Arrays.stream(entry.shape().dims()).boxed().toList());
            info.put("data_offsets", List.of(offset, offset + bytes.length));
            header.put(name, info);
            data.add(bytes);
            offset += bytes.length;
        }
        byte[] json = Json.write(header).getBytes(UTF_8);
        int padding = (8 - json.length % 8) % 8;
        long total = 8L + json.length + padding + offset;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors: the file would be " + total
                    + " bytes, beyond the 2 GiB this writer can hold in memory; split the tensors over several files");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length + padding).put(json);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        data.forEach(out::put);
        return out.array();
    }

    /** Where a tensor's bytes lie, relative to the start of the data section. */
    private record Slot(String name, SafetensorsDType dtype, Shape shape, long begin, long end) {
        String offsets() {
            return "[" + begin + ", " + end + "]";
        }
    }

    /** One read of one file: the bytes and what the header says about them. */
    private static final class Reader {
        private final byte[] bytes;
        private final String source;
        private int dataStart;
        private int dataLength;

        Reader(byte[] bytes, String source) {
            this.bytes = bytes;
            this.source = source;
        }

        SafetensorsFile read() throws SafetensorsFormatException {
            if (bytes.length < 8) {
                throw fail("file is " + bytes.length + " bytes, shorter than the 8-byte header length at offset 0");
            }
            long headerLength = (long) LONG_LE.get(bytes, 0);
            if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
                throw fail("header length " + Long.toUnsignedString(headerLength) + " at offset 0 exceeds the limit of "
                        + MAX_HEADER_BYTES + " bytes; the file is corrupt or not safetensors");
            }
            if (headerLength > bytes.length - 8) {
                throw fail("header length " + headerLength + " at offset 0 exceeds the file size " + bytes.length);
            }
            dataStart = 8 + (int) headerLength;
            dataLength = bytes.length - dataStart;

            Map<String, String> metadata = Map.of();
            List<Slot> slots = new ArrayList<>();
            for (Map.Entry<?, ?> e : header().entrySet()) {
                String name = (String) e.getKey();
                if (name.equals(METADATA_KEY)) {
                    metadata = metadata(e.getValue());
                } else {
                    slots.add(slot(name, e.getValue()));
                }
            }
            checkTiling(slots);
            Map<String, SafetensorsEntry> tensors = new LinkedHashMap<>();
            for (Slot s : slots) {
                byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) s.begin, dataStart + (int) s.end);
                tensors.put(s.name, new SafetensorsEntry(s.dtype, s.shape, data));
            }
            return new SafetensorsFile(tensors, metadata);
        }

        private Map<?, ?> header() throws SafetensorsFormatException {
            CharsetDecoder decoder = UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, 8, dataStart - 8);
            CharBuffer out = CharBuffer.allocate(dataStart - 8);
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw fail("header is not valid UTF-8 at offset " + in.position());
            }
            String text = out.flip().toString();
            Object header;
            try {
                header = Json.parse(text);
            } catch (JsonException e) {
                int offset = 8 + text.substring(0, Math.min(e.offset(), text.length())).getBytes(UTF_8).length;
                throw fail("header is not valid JSON at offset " + offset + ": " + e.detail());
            }
            if (!(header instanceof Map<?, ?> map)) {
                throw fail("header at offset 8 must be a JSON object, found " + Json.typeName(header));
            }
            return map;
        }

        private Map<String, String> metadata(Object value) throws SafetensorsFormatException {
            if (!(value instanceof Map<?, ?> map)) {
                throw fail(METADATA_KEY + " must be an object of strings, found " + Json.typeName(value));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw fail(METADATA_KEY + " value for key \"" + e.getKey() + "\" must be a string, found "
                            + Json.typeName(e.getValue()) + " " + Json.write(e.getValue()));
                }
                metadata.put((String) e.getKey(), s);
            }
            return metadata;
        }

        private Slot slot(String name, Object value) throws SafetensorsFormatException {
            if (!(value instanceof Map<?, ?> info)) {
                throw failTensor(name, "must be an object with dtype, shape and data_offsets, found "
                        + Json.typeName(value));
            }
            String dtypeName = field(name, info, "dtype", String.class, "a string");
            SafetensorsDType dtype = SafetensorsDType.forName(dtypeName);
            if (dtype == null) {
                throw failTensor(name, "unknown dtype \"" + dtypeName + "\"; supported: "
                        + Arrays.toString(SafetensorsDType.values()));
            }
            List<?> shapeList = field(name, info, "shape", List.class, "an array of sizes");
            int[] dims = new int[shapeList.size()];
            for (int i = 0; i < dims.length; i++) {
                if (!(shapeList.get(i) instanceof Long size)) {
                    throw failTensor(name, "shape " + Json.write(shapeList) + " must hold integers, found "
                            + Json.typeName(shapeList.get(i)) + " at axis " + i);
                }
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw failTensor(name, "shape " + Json.write(shapeList) + " has size " + size + " at axis " + i
                            + "; sizes must be in [0, 2^31-1]");
                }
                dims[i] = size.intValue();
            }
            Shape shape;
            try {
                shape = Shape.of(dims);
            } catch (IllegalArgumentException tooManyElements) {
                throw failTensor(name, tooManyElements.getMessage());
            }
            List<?> offsets = field(name, info, "data_offsets", List.class, "an array [begin, end]");
            if (offsets.size() != 2 || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)
                    || begin < 0 || begin > end) {
                throw failTensor(name, "data_offsets must be [begin, end] with integers 0 <= begin <= end, found "
                        + Json.write(offsets));
            }
            Slot slot = new Slot(name, dtype, shape, begin, end);
            if (end > dataLength) {
                throw failTensor(name, "data_offsets " + slot.offsets() + " end beyond the data section, which has "
                        + dataLength + " bytes at offsets " + dataStart + ".." + bytes.length);
            }
            long needed = (long) shape.numel() * dtype.byteSize();
            if (end - begin != needed) {
                throw failTensor(name, "data_offsets " + slot.offsets() + " span " + (end - begin) + " bytes at offset "
                        + (dataStart + begin) + " but " + dtype + " " + shape + " needs " + needed
                        + " (" + shape.numel() + " elements x " + dtype.byteSize() + " bytes)");
            }
            return slot;
        }

        private <T> T field(String name, Map<?, ?> info, String key, Class<T> type, String description)
                throws SafetensorsFormatException {
            Object value = info.get(key);
            if (value == null && !info.containsKey(key)) {
                throw failTensor(name, "missing \"" + key + "\"");
            }
            if (!type.isInstance(value)) {
                throw failTensor(name, "\"" + key + "\" must be " + description + ", found "
                        + Json.typeName(value) + " " + Json.write(value));
            }
            return type.cast(value);
        }

        /** Requires the tensors, sorted by offset, to cover {@code [0, dataLength)} exactly once. */
        private void checkTiling(List<Slot> slots) throws SafetensorsFormatException {
            List<Slot> sorted = new ArrayList<>(slots);
            sorted.sort(Comparator.comparingLong(Slot::begin).thenComparingLong(Slot::end));
            long covered = 0;
            Slot previous = null;
            for (Slot s : sorted) {
                if (s.begin < covered) {
                    throw fail("tensors \"" + previous.name + "\" (data_offsets " + previous.offsets() + ") and \""
                            + s.name + "\" (data_offsets " + s.offsets() + ") overlap at offset " + (dataStart + s.begin)
                            + "; every byte of the data section must belong to exactly one tensor");
                }
                if (s.begin > covered) {
                    throw gap(covered, s.begin);
                }
                covered = s.end;
                previous = s;
            }
            if (covered != dataLength) {
                throw gap(covered, dataLength);
            }
        }

        private SafetensorsFormatException gap(long from, long to) {
            return fail("bytes [" + from + ", " + to + ") of the data section, at offset " + (dataStart + from)
                    + ", belong to no tensor; the tensors must cover the data section exactly");
        }

        private SafetensorsFormatException failTensor(String name, String what) {
            return fail("tensor \"" + name + "\": " + what);
        }

        private SafetensorsFormatException fail(String what) {
            return new SafetensorsFormatException(source + ": " + what);
        }
    }
}
