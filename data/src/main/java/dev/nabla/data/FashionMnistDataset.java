package dev.nabla.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Fashion-MNIST (Zalando's 28x28 grayscale clothing images, 10 classes), which uses the
 * file names and IDX format of MNIST; see {@link MnistDataset}.
 */
public final class FashionMnistDataset {
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnistDataset() {
    }

    /** The 60,000 training samples {@code [1, 28, 28]}, values {@code 0..255}, from {@code dir}. */
    public static ArrayDataset train(Path dir) throws IOException {
        return MnistDataset.fromDirectory(dir, "train", CLASSES);
    }

    /** The 10,000 test samples {@code [1, 28, 28]}, values {@code 0..255}, from {@code dir}. */
    public static ArrayDataset test(Path dir) throws IOException {
        return MnistDataset.fromDirectory(dir, "t10k", CLASSES);
    }
}
