package dev.nabla.data.download;

import java.io.IOException;
import java.nio.file.Path;

/** A downloaded file does not have its published digest: it is corrupt or not the file expected. */
public final class ChecksumMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String expected;
    private final String actual;

    /**
     * @param file     the file checked (it is deleted afterwards)
     * @param source   where its bytes came from, for the message
     * @param checksum the expected digest
     * @param actual   the digest the bytes have
     */
    ChecksumMismatchException(Path file, String source, Checksum checksum, String actual) {
        super(file.getFileName() + " from " + source + ": " + checksum.algorithm() + " mismatch, expected "
                + checksum.hex() + ", got " + actual + " (the download is corrupt or not the file expected; deleted)");
        this.file = file;
        this.expected = checksum.hex();
        this.actual = actual;
    }

    /** The file that failed the check. */
    public Path file() {
        return file;
    }

    /** The published digest. */
    public String expected() {
        return expected;
    }

    /** The digest of the bytes received. */
    public String actual() {
        return actual;
    }
}
