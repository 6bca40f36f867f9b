package dev.nabla.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.data.MnistDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data set downloads against a server on 127.0.0.1; none touches the internet. */
class DatasetDownloadsTest {
    private static final Path SHARED_MNIST = Path.of(System.getProperty("nabla.shared.data", "../../shared/data"))
            .resolve("mnist");

    @TempDir
    Path dir;
    private FileServer server;
    private final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, s -> { });

    @BeforeEach
    void start() throws IOException {
        server = new FileServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void mnistFromALocalMirrorMatchesThePublishedDigests() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED_MNIST), "the MNIST files are not present");
        for (RemoteFile f : DatasetDownloads.MNIST_FILES) {
            server.on("/mnist/" + f.name(), FileServer.serve(Files.readAllBytes(SHARED_MNIST.resolve(f.name())), true));
        }
        assertThat(DatasetDownloads.mnist(dir, List.of(server.base("gone"), server.base("mnist")), downloader))
                .isEqualTo(dir);
        for (RemoteFile f : DatasetDownloads.MNIST_FILES) {
            assertThat(Files.size(dir.resolve(f.name()))).isEqualTo(f.size());
            assertThat(Checksum.md5("0".repeat(32)).compute(dir.resolve(f.name()))).isEqualTo(switch (f.name()) {
                case "train-images-idx3-ubyte.gz" -> "f68b3c2dcbeaaa9fbdd348bbdeb94873";
                case "train-labels-idx1-ubyte.gz" -> "d53e105ee54ea40749a09fcbcd1e9432";
                case "t10k-images-idx3-ubyte.gz" -> "9fb629c4189551a2d022fa330f9573f3";
                default -> "ec29112dd5afa0611ce80d1b7f02629c";
            });
        }
        int requests = server.requests().size();
        DatasetDownloads.mnist(dir, List.of(server.base("mnist")), downloader);
        assertThat(server.requests()).as("nothing is fetched twice").hasSize(requests);
    }

    @Test
    void mnistDatasetDownloadFindsCorrectFilesInPlaceWithoutAnyRequest() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED_MNIST), "the MNIST files are not present");
        for (RemoteFile f : DatasetDownloads.MNIST_FILES) {
            Files.copy(SHARED_MNIST.resolve(f.name()), dir.resolve(f.name()));
        }
        assertThat(MnistDataset.download(dir)).isEqualTo(dir);   // verified in place: the mirrors are not asked
        assertThat(MnistDataset.test(dir).size()).isEqualTo(10_000);
    }

    @Test
    void fashionMnistRejectsFilesThatAreNotTheRealOnes() {
        for (RemoteFile f : DatasetDownloads.FASHION_MNIST_FILES) {
            server.on("/f/" + f.name(), FileServer.serve(new byte[(int) f.size()], true));
        }
        assertThatThrownBy(() -> DatasetDownloads.fashionMnist(dir, List.of(server.base("f")), downloader))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz from " + server.base("f")
                        + "train-images-idx3-ubyte.gz: MD5 mismatch, expected 8d4fb7e6c68d591d4c3dfef9ec88bf0d, got ");
    }

    @Test
    void cifar10FetchesAndUnpacksTheArchive() throws IOException {
        Tar tar = new Tar().entry("cifar-10-batches-bin/", '5', new byte[0]);
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin", "batches.meta.txt")) {
            tar.file("cifar-10-batches-bin/" + name, name.getBytes(StandardCharsets.UTF_8));
        }
        byte[] archive = tar.gzipped();
        Path tmp = Files.write(dir.resolve("tmp"), archive);
        RemoteFile small = new RemoteFile("cifar-10-binary.tar.gz", archive.length,
                Checksum.sha256(Checksum.sha256("0".repeat(64)).compute(tmp)));
        Files.delete(tmp);
        server.on("/kriz/cifar-10-binary.tar.gz", FileServer.serve(archive, true));
        Path batches = DatasetDownloads.cifar10(dir, small, List.of(server.base("kriz")), downloader);
        assertThat(batches).isEqualTo(dir.resolve("cifar-10-batches-bin"));
        assertThat(Files.readString(batches.resolve("test_batch.bin"))).isEqualTo("test_batch.bin");
        assertThat(Files.readString(batches.resolve("batches.meta.txt"))).isEqualTo("batches.meta.txt");
        assertThat(server.requests()).hasSize(1);
        DatasetDownloads.cifar10(dir, small, List.of(server.base("kriz")), downloader);
        assertThat(server.requests()).as("unpacked batches are not fetched again").hasSize(1);
    }

    @Test
    void cifar10RejectsAnArchiveWithoutTheBatches() throws IOException {
        byte[] archive = new Tar().file("cifar-10-batches-bin/data_batch_1.bin", new byte[10]).gzipped();
        Files.write(dir.resolve("cifar-10-binary.tar.gz"), archive);
        RemoteFile small = new RemoteFile("cifar-10-binary.tar.gz", archive.length,
                Checksum.sha256(Checksum.sha256("0".repeat(64)).compute(dir.resolve("cifar-10-binary.tar.gz"))));
        assertThatThrownBy(() -> DatasetDownloads.cifar10(dir, small, List.of(server.base("kriz")), downloader))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("does not hold cifar-10-batches-bin/data_batch_2.bin");
    }

    @Test
    void tarExtractionHandlesLongNamesAndRejectsEscapesAndDamage() throws IOException {
        String longName = "deep/" + "x".repeat(120) + ".bin";
        Path archive = Files.write(dir.resolve("a.tar.gz"), new Tar().entry("././@LongLink", 'L',
                (longName + "\0").getBytes(StandardCharsets.UTF_8)).file("ignored", new byte[700]).gzipped());
        Path out = dir.resolve("out");
        assertThat(TarArchive.extract(archive, out)).containsExactly(out.toAbsolutePath().resolve(longName));
        assertThat(Files.size(out.resolve(longName))).isEqualTo(700);

        Path evil = Files.write(dir.resolve("evil.tar.gz"), new Tar().file("../escape.txt", new byte[1]).gzipped());
        assertThatThrownBy(() -> TarArchive.extract(evil, out)).isInstanceOf(IOException.class)
                .hasMessage(evil + ": entry '../escape.txt' at offset 0 of the tar stream would be written outside " + out);
        assertThat(Files.exists(dir.resolve("escape.txt"))).isFalse();

        byte[] tar = new Tar().file("a.bin", new byte[600]).file("b.bin", new byte[5]).gzipped();
        Path damaged = dir.resolve("damaged.tar.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(damaged))) {
            byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(tar)).readAllBytes();
            raw[1536 + 130] = '9';   // a size digit in the second header: its checksum no longer matches
            gz.write(raw);
        }
        assertThatThrownBy(() -> TarArchive.extract(damaged, dir.resolve("d"))).isInstanceOf(IOException.class)
                .hasMessageStartingWith(damaged + ": tar header at offset 1536 has checksum ");
        byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(tar)).readAllBytes();
        Path cut = dir.resolve("cut.tar.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(cut))) {
            gz.write(raw, 0, 512 + 300);
        }
        assertThatThrownBy(() -> TarArchive.extract(cut, dir.resolve("c"))).isInstanceOf(java.io.EOFException.class)
                .hasMessage(cut + ": ends inside a.bin at offset 812 of the tar stream; the archive is truncated");
        try (var left = Files.list(dir.resolve("c"))) {
            assertThat(left).as("no half-written file").isEmpty();
        }
    }
}
