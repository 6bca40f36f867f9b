package dev.nabla.data.download;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Downloads of the public data sets the data module reads, from their usual locations, each file
 * checked against its published digest (see {@link Downloader} for resuming and atomicity).
 * Files already present and correct are not fetched again, so a call is cheap after the first.
 *
 * <pre>{@code
 * Path dir = DatasetDownloads.mnist(Path.of("data/mnist"));
 * ArrayDataset train = MnistDataset.train(dir);
 * }</pre>
 */
public final class DatasetDownloads {
    /** MNIST mirrors, as torchvision and TensorFlow use them. */
    public static final List<URI> MNIST_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    /** The four MNIST files, with their sizes and SHA-256 digests (their MD5s are torchvision's). */
    public static final List<RemoteFile> MNIST_FILES = List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
                    Checksum.sha256("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609")),
            new RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
                    Checksum.sha256("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")),
            new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                    Checksum.sha256("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6")),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
                    Checksum.sha256("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")));

    /** Fashion-MNIST mirrors: Zalando's bucket, Keras's copy, the GitHub repository. */
    public static final List<URI> FASHION_MNIST_MIRRORS = List.of(
            URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            URI.create("https://storage.googleapis.com/tensorflow/tf-keras-datasets/"),
            URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"));

    /** The four Fashion-MNIST files, with their sizes and the MD5 digests the authors publish. */
    public static final List<RemoteFile> FASHION_MNIST_FILES = List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", 26_421_880, Checksum.md5("8d4fb7e6c68d591d4c3dfef9ec88bf0d")),
            new RemoteFile("train-labels-idx1-ubyte.gz", 29_515, Checksum.md5("25c81989df183df01b3e8a0aad5dffbe")),
            new RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102, Checksum.md5("bef4ecab320f06d8554ea6380940ec79")),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148, Checksum.md5("bb300cfdad3c16e7a12a480ee83cd310")));

    /** The CIFAR-10 authors' site. */
    public static final List<URI> CIFAR10_MIRRORS = List.of(URI.create("https://www.cs.toronto.edu/~kriz/"));

    /** The binary version of CIFAR-10 (MD5 c32a1d4ab5d03f1284b67883e8d87530 on the authors' page). */
    public static final RemoteFile CIFAR10_ARCHIVE = new RemoteFile("cifar-10-binary.tar.gz", 170_052_171,
            Checksum.sha256("c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"));

    /** The folder the CIFAR-10 archive unpacks to, and the batch files in it. */
    public static final String CIFAR10_FOLDER = "cifar-10-batches-bin";
    private static final List<String> CIFAR10_BATCHES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    private DatasetDownloads() {
    }

    /** MNIST into {@code dir} from {@link #MNIST_MIRRORS}; returns {@code dir}. */
    public static Path mnist(Path dir) throws IOException {
        return fetchAll(MNIST_FILES, MNIST_MIRRORS, dir, new Downloader());
    }

    /**
     * MNIST into {@code dir} from the given mirrors (base URLs holding the four files).
     *
     * @return {@code dir}, holding the four verified {@code .gz} files
     * @throws DownloadException if a file could not be fetched with the right checksum from any mirror
     */
    public static Path mnist(Path dir, List<URI> mirrors, Downloader downloader) throws IOException {
        return fetchAll(MNIST_FILES, mirrors, dir, downloader);
    }

    /** Fashion-MNIST into {@code dir} from {@link #FASHION_MNIST_MIRRORS}; returns {@code dir}. */
    public static Path fashionMnist(Path dir) throws IOException {
        return fetchAll(FASHION_MNIST_FILES, FASHION_MNIST_MIRRORS, dir, new Downloader());
    }

    /** As {@link #mnist(Path, List, Downloader)}, for Fashion-MNIST's four files. */
    public static Path fashionMnist(Path dir, List<URI> mirrors, Downloader downloader) throws IOException {
        return fetchAll(FASHION_MNIST_FILES, mirrors, dir, downloader);
    }

    /** CIFAR-10 (binary version) into {@code dir} from {@link #CIFAR10_MIRRORS}; returns {@code dir/cifar-10-batches-bin}. */
    public static Path cifar10(Path dir) throws IOException {
        return cifar10(dir, CIFAR10_MIRRORS, new Downloader());
    }

    /**
     * Fetches {@code cifar-10-binary.tar.gz} into {@code dir} and unpacks it there, unless the
     * batch files are already unpacked.
     *
     * @return {@code dir/cifar-10-batches-bin}, holding {@code data_batch_1.bin} to {@code data_batch_5.bin} and
     *     {@code test_batch.bin}
     * @throws DownloadException if the archive could not be fetched with the right checksum
     * @throws NoSuchFileException if the verified archive lacks a batch file
     */
    public static Path cifar10(Path dir, List<URI> mirrors, Downloader downloader) throws IOException {
        return cifar10(dir, CIFAR10_ARCHIVE, mirrors, downloader);
    }

    /** {@link #cifar10(Path, List, Downloader)} with another archive description (tests use a small one). */
    static Path cifar10(Path dir, RemoteFile archiveFile, List<URI> mirrors, Downloader downloader) throws IOException {
        Path batches = dir.resolve(CIFAR10_FOLDER);
        if (CIFAR10_BATCHES.stream().allMatch(name -> Files.isRegularFile(batches.resolve(name)))) {
            return batches;
        }
        Path archive = downloader.fetch(archiveFile, mirrors, dir);
        TarArchive.extract(archive, dir);
        for (String name : CIFAR10_BATCHES) {
            if (!Files.isRegularFile(batches.resolve(name))) {
                throw new NoSuchFileException(batches.resolve(name).toString(), null,
                        archive + " does not hold " + CIFAR10_FOLDER + "/" + name);
            }
        }
        return batches;
    }

    private static Path fetchAll(List<RemoteFile> files, List<URI> mirrors, Path dir, Downloader downloader)
            throws IOException {
        for (RemoteFile file : files) {
            downloader.fetch(file, mirrors, dir);
        }
        return dir;
    }
}
