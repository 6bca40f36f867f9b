package dev.nabla.train;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint directory whose files are missing or do not hold what a {@link Trainer} wrote. */
public final class CheckpointFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param file the file at fault, named first in the message */
    public CheckpointFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
