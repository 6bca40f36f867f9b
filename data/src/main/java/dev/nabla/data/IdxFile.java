package dev.nabla.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One file in the IDX format of MNIST and Fashion-MNIST: a 4-byte magic {@code 0x00 0x00 TYPE
 * RANK}, RANK big-endian 32-bit sizes, then the elements in row-major order. Only the unsigned
 * byte element type ({@code 0x08}) is read, the only one those data sets use.
 *
 * @param file  where it was read from
 * @param dims  the sizes, e.g. {@code [60000, 28, 28]}
 * @param data  the elements, {@code product(dims)} unsigned bytes
 * @param start the byte offset of the first element in the (decompressed) file
 */
record IdxFile(Path file, int[] dims, byte[] data, int start) {
    static final int UNSIGNED_BYTE = 0x08;

    /**
     * Reads and checks {@code file}, gzipped or raw.
     *
     * @param rank the number of dimensions expected (3 for images, 1 for labels)
     * @param what a word for the error messages, "images" or "labels"
     * @throws DatasetFormatException naming the file and the offset if the magic, the sizes or the length are wrong
     */
    static IdxFile read(Path file, int rank, String what) throws IOException {
        byte[] bytes = DataFiles.readAll(file);
        if (bytes.length < 4) {
            throw fail(file, "the file has " + bytes.length + " bytes, too short for the 4-byte IDX magic at offset 0");
        }
        int magic = bigEndianInt(bytes, 0);
        int expected = UNSIGNED_BYTE << 8 | rank;
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw fail(file, String.format(Locale.ROOT, "magic 0x%08x at offset 0 is not IDX (expected 0x%08x for %s)",
                    magic, expected, what));
        }
        if ((bytes[2] & 0xFF) != UNSIGNED_BYTE) {
            throw fail(file, String.format(Locale.ROOT, "element type 0x%02x at offset 2 is not supported; only "
                    + "unsigned bytes (0x08) are read", bytes[2] & 0xFF));
        }
        if (bytes[3] != rank) {
            throw fail(file, String.format(Locale.ROOT, "magic 0x%08x at offset 0 declares %d dimensions, expected %d "
                    + "for %s (magic 0x%08x); is this the %s file?", magic, bytes[3], rank, what, expected,
                    rank == 1 ? "images" : "labels"));
        }
        int start = 4 + 4 * rank;
        if (bytes.length < start) {
            throw fail(file, "the header needs " + start + " bytes for " + rank + " sizes but the file has "
                    + bytes.length + "; it is truncated");
        }
        int[] dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = bigEndianInt(bytes, 4 + 4 * i);
            if (dims[i] < 0) {
                throw fail(file, "size " + Integer.toUnsignedString(dims[i]) + " at offset " + (4 + 4 * i)
                        + " is too large");
            }
            count *= dims[i];
        }
        long available = bytes.length - start;
        if (available != count) {
            throw fail(file, "the sizes " + Arrays.toString(dims) + " need " + count + " data bytes from offset "
                    + start + " but the file has " + available + (available < count ? "; it is truncated"
                            : "; " + (available - count) + " extra bytes follow at offset " + (start + count)));
        }
        return new IdxFile(file, dims, bytes, start);
    }

    /** Element {@code i} as an unsigned value {@code 0..255}. */
    int get(int i) {
        return data[start + i] & 0xFF;
    }

    /** The elements, without the header. */
    byte[] elements() {
        return Arrays.copyOfRange(data, start, data.length);
    }

    static DatasetFormatException fail(Path file, String what) {
        return new DatasetFormatException(file + ": " + what);
    }

    private static int bigEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
