package dev.nabla.tensor.io;

import java.io.IOException;

/**
 * A safetensors file that violates the format. The message names the file, the byte offset where
 * relevant, and what is wrong, for example
 * {@code model.safetensors: header length 9999999 at offset 0 exceeds the file size 1234}.
 */
public final class SafetensorsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the complete message, starting with the file name */
    public SafetensorsFormatException(String message) {
        super(message);
    }
}
