package dev.nabla.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens data files, decompressing gzip ones (recognised by their magic bytes, not their name). */
final class DataFiles {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private DataFiles() {
    }

    /**
     * The whole content of {@code file}, decompressed if it is gzip.
     *
     * @throws DatasetFormatException naming the file if the gzip data is corrupt or truncated
     */
    static byte[] readAll(Path file) throws IOException {
        try (InputStream in = open(Files.newInputStream(file), file.toString())) {
            return readFully(in, file.toString());
        }
    }

    /** {@code raw}, buffered, through a gzip decoder if it starts with the gzip magic bytes. */
    static InputStream open(InputStream raw, String source) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != GZIP_MAGIC_0 || b1 != GZIP_MAGIC_1) {
            return in;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (ZipException | EOFException e) {
            throw corrupt(source, e);
        }
    }

    /** Reads {@code in} to its end, turning gzip errors into a {@link DatasetFormatException}. */
    static byte[] readFully(InputStream in, String source) throws IOException {
        try {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw corrupt(source, e);
        }
    }

    /** The gzip failure {@code e} as a format error naming {@code source}. */
    static DatasetFormatException corrupt(String source, IOException e) {
        return new DatasetFormatException(source + ": the gzip data is corrupt or truncated (" + e.getMessage()
                + "); download the file again");
    }
}
