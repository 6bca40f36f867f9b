package dev.nabla.data;

import java.io.IOException;

/**
 * A data file or folder that does not hold what its format requires. The message starts with the
 * file and says where (byte offset, line and column, or folder) and what is wrong, for example
 * {@code train-labels-idx1-ubyte: magic 0x00000803 at offset 0 is an image file, expected labels 0x00000801}.
 */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the complete message, starting with the file name */
    public DatasetFormatException(String message) {
        super(message);
    }
}
