package dev.nabla.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every test talks to a server on 127.0.0.1 started here; none touches the internet. */
class DownloaderTest {
    private static final byte[] CONTENT = bytes(200_000, 1);
    private static final String NAME = "data.bin";

    @TempDir
    Path dir;
    private FileServer server;
    private final List<String> log = new ArrayList<>();
    private Downloader downloader;
    private RemoteFile file;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @BeforeEach
    void start() throws IOException {
        server = new FileServer();
        downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, log::add);
        file = new RemoteFile(NAME, CONTENT.length, sha256(CONTENT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Checksum sha256(byte[] content) throws IOException {
        Path tmp = Files.createTempFile("content", ".bin");
        try {
            Files.write(tmp, content);
            return Checksum.sha256(new Checksum("SHA-256", "0".repeat(64)).compute(tmp));
        } finally {
            Files.delete(tmp);
        }
    }

    private Path target() {
        return dir.resolve(NAME);
    }

    private Path part() {
        return dir.resolve(NAME + ".part");
    }

    private void assertOnlyTheVerifiedFile() throws IOException {
        assertThat(Files.readAllBytes(target())).isEqualTo(CONTENT);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target());
        }
    }

    @Test
    void fetchesAndVerifies() throws IOException {
        server.on("/a/" + NAME, FileServer.serve(CONTENT, true));
        assertThat(downloader.fetch(file, List.of(server.base("a")), dir)).isEqualTo(target());
        assertOnlyTheVerifiedFile();
        assertThat(log).anyMatch(l -> l.startsWith("verified " + target()));
    }

    @Test
    void aFilePresentAndCorrectIsNotFetchedAgain() throws IOException {
        Files.write(target(), CONTENT);
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aFailingMirrorGivesWayToTheNext() throws IOException {
        server.on("/down/" + NAME, FileServer.status(503)).on("/up/" + NAME, FileServer.serve(CONTENT, true));
        URI missing = server.base("missing");
        downloader.fetch(file, List.of(missing, server.base("down"), server.base("up")), dir);
        assertOnlyTheVerifiedFile();
        assertThat(server.requests()).extracting(FileServer.Request::path).containsExactly(
                "/missing/" + NAME, "/missing/" + NAME, "/down/" + NAME, "/down/" + NAME, "/up/" + NAME);
    }

    @Test
    void followsRedirects() throws IOException {
        server.on("/old/" + NAME, FileServer.redirect(server.base("new") + NAME))
                .on("/new/" + NAME, FileServer.serve(CONTENT, true));
        downloader.fetch(file, List.of(server.base("old")), dir);
        assertOnlyTheVerifiedFile();
    }

    @Test
    void rejectsACorruptFileNamingItAndBothDigests() throws IOException {
        byte[] corrupt = CONTENT.clone();
        corrupt[1234] ^= 1;
        server.on("/a/" + NAME, FileServer.serve(corrupt, true));
        String actual = sha256(corrupt).hex();
        assertThatThrownBy(() -> downloader.fetch(file, List.of(server.base("a")), dir))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(NAME + " from " + server.base("a") + NAME + ": SHA-256 mismatch, expected "
                        + file.checksum().hex() + ", got " + actual)
                .satisfies(e -> assertThat(e.getSuppressed()[0]).isInstanceOf(ChecksumMismatchException.class));
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing is left, not even a .part").isEmpty();
        }
        assertThat(server.requests()).as("a whole corrupt copy is not fetched twice").hasSize(1);
    }

    @Test
    void aCorruptFileOnOneMirrorIsReplacedFromTheNext() throws IOException {
        server.on("/bad/" + NAME, FileServer.serve(bytes(CONTENT.length, 9), true))
                .on("/good/" + NAME, FileServer.serve(CONTENT, true));
        Files.write(target(), new byte[] {1, 2, 3});   // a wrong file under the final name is replaced
        downloader.fetch(file, List.of(server.base("bad"), server.base("good")), dir);
        assertOnlyTheVerifiedFile();
    }

    @Test
    void aTruncatedTransferFailsAndKeepsThePartForResuming() throws IOException {
        server.on("/a/" + NAME, FileServer.truncate(CONTENT, 50_000));
        assertThatThrownBy(() -> downloader.fetch(file, List.of(server.base("a")), dir))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(server.base("a") + NAME + ": transfer ")
                .hasMessageContaining("(kept in " + NAME + ".part to resume)");
        assertThat(Files.exists(target())).isFalse();
        assertThat(Files.size(part())).isBetween(50_000L, (long) CONTENT.length - 1);
        assertThat(Arrays.copyOf(Files.readAllBytes(part()), 50_000)).isEqualTo(Arrays.copyOf(CONTENT, 50_000));
    }

    @Test
    void aTruncatedTransferIsResumedOnTheNextAttempt() throws IOException {
        server.on("/a/" + NAME, FileServer.truncateOnce(CONTENT, 70_000));
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).range()).isNull();
        assertThat(server.requests().get(1).range()).isEqualTo("bytes=70000-");
        assertThat(log).anyMatch(l -> l.endsWith("(resuming at byte 70000)"));
    }

    @Test
    void resumesFromAPartLeftByAnEarlierRun() throws IOException {
        Files.write(part(), Arrays.copyOf(CONTENT, 123_456));
        server.on("/a/" + NAME, FileServer.serve(CONTENT, true));
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
        assertThat(server.requests()).containsExactly(new FileServer.Request("/a/" + NAME, "bytes=123456-"));
    }

    @Test
    void aServerIgnoringRangesRestartsTheFileCleanly() throws IOException {
        Files.write(part(), Arrays.copyOf(CONTENT, 1000));
        server.on("/a/" + NAME, FileServer.serve(CONTENT, false));
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
    }

    @Test
    void aWrongPartIsDiscardedAndTheFileFetchedAfresh() throws IOException {
        Files.write(part(), bytes(5000, 3));   // a prefix from some other file
        server.on("/a/" + NAME, FileServer.serve(CONTENT, true));
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
        assertThat(server.requests()).extracting(FileServer.Request::range).containsExactly("bytes=5000-", null);
    }

    @Test
    void aCompletePartIsVerifiedWithoutARequest() throws IOException {
        Files.write(part(), CONTENT);
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnknownSizeIsFineAndAnOversizedPartIsDropped() throws IOException {
        RemoteFile unsized = new RemoteFile(NAME, -1, file.checksum());
        Files.write(part(), bytes(CONTENT.length + 10, 4));
        server.on("/a/" + NAME, FileServer.serve(CONTENT, true));
        downloader.fetch(file, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
        Files.delete(target());
        downloader.fetch(unsized, List.of(server.base("a")), dir);
        assertOnlyTheVerifiedFile();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> downloader.fetch(file, List.of(), dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downloader: no mirror given for data.bin");
        assertThatThrownBy(() -> downloader.fetch(file, List.of(URI.create("ftp://example.org/")), dir))
                .hasMessage("downloader: mirror ftp://example.org/ is not an http or https URL");
        assertThatThrownBy(() -> new RemoteFile("../x", 1, file.checksum()))
                .hasMessage("remoteFile: name must be a plain file name, got '../x'");
        assertThatThrownBy(() -> Checksum.md5("abc")).hasMessage("checksum: MD5 needs 32 hexadecimal digits, got 'abc'");
        assertThatThrownBy(() -> new Checksum("CRC-99", "00"))
                .hasMessage("checksum: unknown algorithm 'CRC-99' (use MD5 or SHA-256)");
        assertThatThrownBy(() -> new Downloader(Duration.ZERO, Duration.ofSeconds(1), 1, s -> { }))
                .hasMessage("downloader: timeouts must be positive and attempts >= 1, got connect PT0S, read PT1S, attempts 1");
    }

    @Test
    void md5AndSha256DigestKnownValues() throws IOException {
        Path abc = dir.resolve("abc");
        Files.writeString(abc, "abc");
        assertThat(Checksum.md5("900150983CD24FB0D6963F7D28E17F72").matches(abc)).isTrue();
        assertThat(Checksum.sha256("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad").matches(abc))
                .isTrue();
    }
}
