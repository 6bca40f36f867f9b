package dev.nabla.data;

import java.nio.file.Path;

/**
 * An image file that {@link ImageFolder} left out because it could not be read.
 *
 * @param file   the file
 * @param reason why, e.g. {@code no javax.imageio reader recognises the file (first bytes 6e 6f 74 20)}
 */
public record SkippedFile(Path file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
