package dev.nabla.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes that a reader never sees half done: a file or a directory is built under a temporary
 * name beside its target, forced to the storage device, and renamed into place.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What fills a directory. */
    @FunctionalInterface
    public interface DirectoryWriter {
        /** Writes the directory's files into {@code dir}, which exists and is empty. */
        void writeInto(Path dir) throws IOException;
    }

    /**
     * Writes {@code text} as UTF-8 to {@code path}, atomically; parent directories are created.
     *
     * @throws IOException if writing or renaming fails; an existing file is then left as it was
     */
    public static void writeString(Path path, String text) throws IOException {
        writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code path}, atomically; parent directories are created.
     *
     * @throws IOException if writing or renaming fails; an existing file is then left as it was
     */
    public static void writeBytes(Path path, byte[] bytes) throws IOException {
        Path target = path.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Replaces the directory {@code dir} by one that {@code writer} fills: the files are written
     * into {@code <dir>.tmp}, the old directory is renamed to {@code <dir>.old}, the new one to
     * {@code dir}, and the old one deleted. At every moment one of {@code dir} and
     * {@code <dir>.old} holds a complete directory; {@link #completeDirectory} finds it.
     *
     * @throws IOException if a write or rename fails; {@code dir} is then left as it was
     */
    public static void replaceDirectory(Path dir, DirectoryWriter writer) throws IOException {
        Path target = dir.toAbsolutePath();
        Path temp = sibling(target, ".tmp");
        Path old = sibling(target, ".old");
        deleteTree(temp);
        Files.createDirectories(temp);
        try {
            writer.writeInto(temp);
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
        if (Files.exists(target)) {
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /**
     * The complete directory {@link #replaceDirectory} left at {@code dir}: {@code dir} itself, or
     * {@code <dir>.old} if a replacement was interrupted between its two renames.
     *
     * @throws java.nio.file.NoSuchFileException if neither exists
     */
    public static Path completeDirectory(Path dir) throws IOException {
        Path target = dir.toAbsolutePath();
        if (Files.isDirectory(target)) {
            return target;
        }
        Path old = sibling(target, ".old");
        if (Files.isDirectory(old)) {
            return old;
        }
        throw new java.nio.file.NoSuchFileException(target.toString(), null, "no such directory");
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
