package dev.nabla.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fetches files over HTTP(S) from a list of mirrors, verifies their checksums and never leaves a
 * half-written file under the final name.
 *
 * <p>A file {@code name} is written to {@code name.part} in the target folder and renamed to
 * {@code name} (atomically) only once its checksum matches. An interrupted or truncated transfer
 * leaves the {@code .part} file, and the next attempt (on this call or a later one) asks the server
 * for the rest with an HTTP {@code Range} request; a server that ignores the range sends the
 * whole file, which restarts it cleanly. A corrupt file is deleted. Each mirror is tried up to
 * {@code attemptsPerMirror} times (resuming where the last attempt stopped), then the next
 * mirror; a complete copy that fails its checksum moves on to the next mirror at once. A file
 * already present with the right checksum is not fetched again.
 *
 * <p>Uses only {@link HttpURLConnection}; redirects are followed, also between http and https.
 * Not for two processes fetching into the same folder at once.
 */
public final class Downloader {
    private static final int MAX_REDIRECTS = 5;
    private static final String PART = ".part";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int attemptsPerMirror;
    private final Consumer<String> log;

    /** Silent, with timeouts of 30 s to connect and 60 s per read, two attempts per mirror. */
    public Downloader() {
        this(message -> { });
    }

    /** As {@link #Downloader()}, reporting each step (fetching, resuming, verified) to {@code log}. */
    public Downloader(Consumer<String> log) {
        this(Duration.ofSeconds(30), Duration.ofSeconds(60), 2, log);
    }

    /**
     * @param connectTimeout    how long to wait for a connection
     * @param readTimeout       how long to wait for each read; a stalled transfer fails after it
     * @param attemptsPerMirror tries on one mirror before the next, at least 1
     * @param log               receives one line per step
     * @throws IllegalArgumentException if a timeout is not positive or the attempts are below 1
     */
    public Downloader(Duration connectTimeout, Duration readTimeout, int attemptsPerMirror, Consumer<String> log) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
                || attemptsPerMirror < 1) {
            throw new IllegalArgumentException("downloader: timeouts must be positive and attempts >= 1, got connect "
                    + connectTimeout + ", read " + readTimeout + ", attempts " + attemptsPerMirror);
        }
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.attemptsPerMirror = attemptsPerMirror;
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * {@code dir/file.name()}, verified, fetched from the first mirror that delivers it unless it is
     * already there.
     *
     * @param mirrors base URLs ({@code http} or {@code https}); the file's URL is base + name
     * @param dir     the folder, created if missing
     * @return the verified file
     * @throws DownloadException if no mirror delivered a file with the right checksum; the message
     *     lists every mirror's failure (a checksum failure names the file, the expected and the actual digest)
     * @throws IllegalArgumentException if there is no mirror or one is not an http(s) URL
     */
    public Path fetch(RemoteFile file, List<URI> mirrors, Path dir) throws IOException {
        List<URI> urls = urls(file.name(), mirrors);
        Files.createDirectories(dir);
        Path target = dir.resolve(file.name());
        if (Files.isRegularFile(target)) {
            if (file.checksum().matches(target)) {
                return target;
            }
            log.accept(target + " fails its " + file.checksum().algorithm() + " check; fetching it again");
        }
        Path part = dir.resolve(file.name() + PART);
        List<IOException> failures = new ArrayList<>();
        for (URI url : urls) {
            IOException failure = null;
            for (int attempt = 0; attempt < attemptsPerMirror; attempt++) {
                long start = -1;
                try {
                    start = transfer(url, part, file.size());
                    verify(part, target, url, file.checksum());
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    log.accept("verified " + target + " (" + file.checksum().algorithm() + ")");
                    return target;
                } catch (ChecksumMismatchException e) {
                    failure = e;
                    if (start == 0) {
                        break;   // a whole fresh copy is wrong: this mirror serves a bad file
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }
            failures.add(failure);
        }
        throw new DownloadException(file.name(), failures);
    }

    private static List<URI> urls(String name, List<URI> mirrors) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("downloader: no mirror given for " + name);
        }
        List<URI> urls = new ArrayList<>();
        for (URI mirror : mirrors) {
            String scheme = mirror.getScheme() == null ? "" : mirror.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("downloader: mirror " + mirror + " is not an http or https URL");
            }
            String base = mirror.toString();
            urls.add(URI.create(base.endsWith("/") ? base : base + "/").resolve(name));
        }
        return urls;
    }

    /**
     * Brings {@code part} up to the whole file, resuming if it already holds a prefix.
     *
     * @return the length {@code part} had before this transfer (0 for a fresh start)
     */
    private long transfer(URI url, Path part, long size) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (size >= 0 && have > size) {
            Files.delete(part);
            have = 0;
        }
        if (size >= 0 && have == size) {
            return have;   // complete from an earlier run; the checksum decides
        }
        HttpURLConnection c = open(url, have);
        try {
            int code = c.getResponseCode();
            if (have > 0 && code == HttpURLConnection.HTTP_PARTIAL) {
                String range = c.getHeaderField("Content-Range");
                if (range == null || !range.trim().startsWith("bytes " + have + "-")) {
                    Files.delete(part);
                    throw new IOException(url + ": asked for bytes from " + have + " but the server sent range "
                            + range + "; starting over");
                }
            } else if (have > 0 && code == 416) {
                return have;   // the server has no bytes past the prefix: it may be complete
            } else if (code == HttpURLConnection.HTTP_OK) {
                have = 0;
            } else {
                throw new IOException(url + ": HTTP " + code + " " + c.getResponseMessage());
            }
            long length = c.getContentLengthLong();
            log.accept("fetching " + url + (have > 0 ? " (resuming at byte " + have + ")" : ""));
            long received = copy(c.getInputStream(), part, have > 0, url, have, length);
            long total = have + received;
            if (length >= 0 && received < length) {
                throw new IOException(url + ": transfer ended after " + total + " of " + (have + length)
                        + " bytes (kept in " + part.getFileName() + " to resume)");
            }
            if (size >= 0 && total != size) {
                if (total > size) {
                    Files.delete(part);
                }
                throw new IOException(url + ": received " + total + " bytes, expected " + size
                        + (total < size ? " (kept in " + part.getFileName() + " to resume)" : "; deleted"));
            }
            return have;
        } finally {
            c.disconnect();
        }
    }

    private HttpURLConnection open(URI url, long from) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestProperty("User-Agent", "nabla-downloader");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int code = c.getResponseCode();
            if (code < 300 || code > 308 || code == 304 || code == 305 || code == 306) {
                return c;
            }
            String location = c.getHeaderField("Location");
            c.disconnect();
            if (location == null) {
                throw new IOException(current + ": HTTP " + code + " redirect without a Location");
            }
            current = current.resolve(location);
        }
        throw new IOException(url + ": more than " + MAX_REDIRECTS + " redirects");
    }

    /** Copies the body to {@code part} (appending or from scratch) and returns the bytes received. */
    private static long copy(InputStream body, Path part, boolean append, URI url, long have, long length)
            throws IOException {
        long received = 0;
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        mode)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                received += n;
            }
        } catch (IOException e) {
            throw new IOException(url + ": transfer broken after " + (have + received) + " of "
                    + (length >= 0 ? String.valueOf(have + length) : "?") + " bytes (kept in " + part.getFileName()
                    + " to resume): " + e.getMessage(), e);
        }
        return received;
    }

    /** Deletes {@code part} and throws if it does not have the digest {@code target} must have. */
    private static void verify(Path part, Path target, URI url, Checksum checksum) throws IOException {
        String actual = checksum.compute(part);
        if (!actual.equals(checksum.hex())) {
            Files.delete(part);
            throw new ChecksumMismatchException(target, url.toString(), checksum, actual);
        }
    }
}
