package dev.nabla.data.download;

import java.util.Objects;

/**
 * A file to fetch: its name on the mirrors (and on disk), its size if known and its checksum.
 *
 * @param name     a plain file name such as {@code train-images-idx3-ubyte.gz}, appended to each mirror's base URL
 * @param size     the length in bytes, or -1 if unknown (a known size tells a truncated transfer from a corrupt one)
 * @param checksum the published digest the download must match
 */
public record RemoteFile(String name, long size, Checksum checksum) {
    /**
     * @throws IllegalArgumentException if the name is empty or holds a path separator, or the size is below -1
     */
    public RemoteFile {
        Objects.requireNonNull(checksum, "checksum");
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("remoteFile: name must be a plain file name, got '" + name + "'");
        }
        if (size < -1) {
            throw new IllegalArgumentException("remoteFile: size must be >= 0, or -1 if unknown, got " + size);
        }
    }
}
