/*
 * A small convolutional network trained on a folder of images, with random augmentation.
 *
 * The folder holds one sub-folder per class (for example ants/ and bees/); every image is read,
 * resized to 64x64 and split 80/20 into training and validation images. Each time a training
 * image is used it is randomly rotated (up to 20 degrees), shifted (up to a fifth of its width
 * and height) and mirrored left to right, so the network never sees exactly the same picture
 * twice and learns what matters rather than where. The validation images are not augmented.
 * To look at the augmented images: ./nabla augment --preview out.png --data images:FOLDER
 * --size 64x64 --rotation 20 --width-shift 0.2 --height-shift 0.2 --horizontal-flip
 *
 * Without a folder argument it writes a small two-class folder (circles and crosses) to a
 * temporary directory, deleted when the program ends, and trains on that.
 *
 * Run: examples/run ImageFolderAugment [FOLDER] [--quick]
 *      e.g. examples/run ImageFolderAugment ../shared/data/hymenoptera/train
 */
import dev.nabla.augment.ImageAugmenter;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.data.DataLoader;
import dev.nabla.data.ImageFolder;
import dev.nabla.data.Normalizer;
import dev.nabla.data.Split;
import dev.nabla.nn.Activation;
import dev.nabla.nn.AdaptiveAvgPool2d;
import dev.nabla.nn.BatchNorm2d;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.History;
import dev.nabla.train.Trainer;
import dev.nabla.train.callbacks.ProgressBar;
import dev.nabla.train.metrics.Accuracy;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

public class ImageFolderAugment {
    static final int SIZE = 64;

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        List<String> folders = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        int epochs = quick ? 2 : 10;
        Path folder = folders.isEmpty() ? writeShapesFolder(quick ? 16 : 100, new Rng(1)) : Path.of(folders.get(0));
        Rng.manualSeed(0);                                    // initial weights and loader seeds

        ImageFolder images = ImageFolder.builder(folder).targetSize(SIZE, SIZE).open();   // [3, 64, 64], 0..255
        System.out.println(images);
        Split split = Split.random(images, 0.2, 42);

        ImageAugmenter augmenter = ImageAugmenter.builder()
                .rotationRange(20).widthShiftRange(0.2).heightShiftRange(0.2).horizontalFlip(true)
                .seed(7).build();
        Normalizer toUnitRange = Normalizer.rescale(1 / 255.0);   // after augmenting, as Keras's rescale
        DataLoader train = augmenter.flow(split.train()).batchSize(16)
                .batchTransform(toUnitRange.batchTransform()).build();
        DataLoader validation = DataLoader.builder(split.test()).batchSize(32)
                .batchTransform(toUnitRange.batchTransform()).build();

        ConvOptions samePadding = ConvOptions.DEFAULT.padding("same");       // output as large as the input
        Sequential model = new Sequential(
                new Conv2d(3, 16, 3, samePadding), new BatchNorm2d(16), Activation.relu(), new MaxPool2d(2),
                new Conv2d(16, 32, 3, samePadding), new BatchNorm2d(32), Activation.relu(), new MaxPool2d(2),
                new Conv2d(32, 32, 3, samePadding), new BatchNorm2d(32), Activation.relu(),   // [N, 32, 16, 16]
                new AdaptiveAvgPool2d(1), new Flatten(),                                      // [N, 32]
                new Linear(32, images.classNames().size()));
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.01));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), adam).metrics(new Accuracy()).build();
        try (train; validation) {                             // closing stops the loaders' worker threads
            History history = trainer.fit(train, validation, epochs, new ProgressBar());
            System.out.printf("after %d epochs on %d augmented images: loss %.4f, val_accuracy %.4f%n", epochs,
                    split.train().size(), history.last("loss"), history.last("val_accuracy"));
        }
    }

    /** Writes {@code perClass} PNG images into circles/ and crosses/ under a new temporary folder. */
    static Path writeShapesFolder(int perClass, Rng rng) throws IOException {
        Path root = Files.createTempDirectory("nabla-shapes");
        root.toFile().deleteOnExit();                         // registered first, so deleted last
        for (String shape : List.of("circles", "crosses")) {
            File classFolder = Files.createDirectory(root.resolve(shape)).toFile();
            classFolder.deleteOnExit();
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(rng.nextInt(100), rng.nextInt(100), rng.nextInt(100)));   // a dark background
                g.fillRect(0, 0, SIZE, SIZE);
                g.setColor(new Color(150 + rng.nextInt(106), 150 + rng.nextInt(106), 150 + rng.nextInt(106)));
                int side = SIZE / 4 + rng.nextInt(SIZE / 3);
                int x = rng.nextInt(SIZE - side);
                int y = rng.nextInt(SIZE - side);
                if (shape.equals("circles")) {
                    g.fillOval(x, y, side, side);
                } else {                                      // a plus sign: two bars a third as thick
                    g.fillRect(x, y + side / 3, side, side / 3);
                    g.fillRect(x + side / 3, y, side / 3, side);
                }
                g.dispose();
                File file = new File(classFolder, String.format("%03d.png", i));
                file.deleteOnExit();
                ImageIO.write(image, "png", file);
            }
        }
        return root;
    }
}
