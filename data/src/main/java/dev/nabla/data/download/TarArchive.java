package dev.nabla.data.download;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Extracts the regular files of a gzipped tar archive (POSIX ustar, as GNU tar writes it), as
 * needed for {@code cifar-10-binary.tar.gz}. Directories are created as needed; links, devices
 * and extended headers are skipped. Each file is written to a {@code .part} file and renamed,
 * so an interrupted extraction leaves no half-written file under a final name.
 */
final class TarArchive {
    private static final int BLOCK = 512;

    private TarArchive() {
    }

    /**
     * Extracts {@code archive} into {@code dir}.
     *
     * @return the files written, in archive order
     * @throws IOException naming the archive and the offset if a header is corrupt, the archive ends
     *     early, or an entry's name would land outside {@code dir}
     */
    static List<Path> extract(Path archive, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path root = dir.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16))) {
            byte[] header = new byte[BLOCK];
            long offset = 0;
            String longName = null;
            while (readBlock(in, header, archive, offset) && !isZero(header)) {
                checkHeader(archive, header, offset);
                long size = octal(archive, header, 124, 12, offset);
                long data = offset + BLOCK;
                char type = (char) header[156];
                if (type == 'L') {   // GNU: the data is the name of the next entry
                    longName = text(in.readNBytes((int) size), 0, (int) size);
                    skip(in, padding(size), archive, data);
                } else if (type == '0' || type == '\0') {
                    String name = longName != null ? longName : name(header);
                    longName = null;
                    Path target = root.resolve(name).normalize();
                    if (!target.startsWith(root) || target.equals(root)) {
                        throw new IOException(archive + ": entry '" + name + "' at offset " + offset
                                + " of the tar stream would be written outside " + dir);
                    }
                    write(in, size, target, archive, data);
                    written.add(target);
                    skip(in, padding(size), archive, data);
                } else {
                    longName = null;
                    skip(in, size + padding(size), archive, data);
                }
                offset = data + size + padding(size);
            }
        }
        return written;
    }

    /** Bytes after {@code size} bytes of data up to the next block. */
    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static void write(InputStream in, long size, Path target, Path archive, long offset) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException(archive + ": ends inside " + target.getFileName() + " at offset "
                            + (offset + size - left) + " of the tar stream; the archive is truncated");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void skip(InputStream in, long count, Path archive, long offset) throws IOException {
        try {
            in.skipNBytes(count);
        } catch (EOFException e) {
            throw new EOFException(archive + ": ends inside an entry at offset " + offset
                    + " of the tar stream; the archive is truncated");
        }
    }

    /** Reads one header block; false at a clean end of stream (GNU tar also accepts a missing end marker). */
    private static boolean readBlock(InputStream in, byte[] block, Path archive, long offset) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n > 0 && n < BLOCK) {
            throw new EOFException(archive + ": ends inside the tar header at offset " + offset
                    + "; the archive is truncated");
        }
        return n == BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The header checksum: the sum of its bytes, with the checksum field itself counted as spaces. */
    private static void checkHeader(Path archive, byte[] header, long offset) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        long stored = octal(archive, header, 148, 8, offset);
        if (sum != stored) {
            throw new IOException(archive + ": tar header at offset " + offset + " has checksum " + stored
                    + " but its bytes sum to " + sum + "; the archive is corrupt or not a tar file");
        }
    }

    /** A numeric field: octal digits, or GNU's base-256 form when the first byte has its high bit set. */
    private static long octal(Path archive, byte[] header, int at, int length, long offset) throws IOException {
        if ((header[at] & 0x80) != 0) {
            long value = header[at] & 0x7F;
            for (int i = at + 1; i < at + length; i++) {
                value = value << 8 | header[i] & 0xFF;
            }
            return value;
        }
        String text = new String(header, at, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archive + ": tar header at offset " + offset + " has '" + text + "' in its numeric "
                    + "field at byte " + at + "; the archive is corrupt or not a tar file", e);
        }
    }

    /** The entry's path: the POSIX ustar prefix, if any, then the name. */
    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean posix = new String(header, 257, 6, StandardCharsets.US_ASCII).equals("ustar\0");
        String prefix = posix ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String text(byte[] header, int at, int length) {
        int end = at;
        while (end < at + length && header[end] != 0) {
            end++;
        }
        return new String(header, at, end - at, StandardCharsets.UTF_8);
    }
}
