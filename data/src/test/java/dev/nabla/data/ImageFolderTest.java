package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path root;

    /** A gray image whose pixel (y, x) is {@code 10 * (y * w + x)}. */
    private static BufferedImage gray(int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, 10 * (y * w + x));
            }
        }
        return img;
    }

    /** A 2x2 RGB image: red, green / blue, white. */
    private static BufferedImage colors() {
        return paint(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));
    }

    /** {@link #colors()} with a palette of exactly its four colors, for GIF. */
    private static BufferedImage indexedColors() {
        byte[] r = {(byte) 255, 0, 0, (byte) 255};
        byte[] g = {0, (byte) 255, 0, (byte) 255};
        byte[] b = {0, 0, (byte) 255, (byte) 255};
        return paint(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b)));
    }

    private static BufferedImage paint(BufferedImage img) {
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(1, 0, 0x00FF00);
        img.setRGB(0, 1, 0x0000FF);
        img.setRGB(1, 1, 0xFFFFFF);
        return img;
    }

    private Path write(BufferedImage img, String format, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
        return file;
    }

    /**
     * Writes a non-interlaced GIF: the JDK's GIF reader decodes interlaced images of fewer than 8
     * rows wrongly (PIL reads the same files correctly), and its writer interlaces by default.
     */
    private void writeGif(BufferedImage img, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private ImageFolder.Builder folder() {
        return ImageFolder.builder(root).device(Device.REFERENCE);
    }

    @Test
    void classesAreSortedFolderNamesAndFilesAreSorted() throws IOException {
        write(colors(), "png", "dog/b.png");
        write(colors(), "bmp", "dog/a photo.BMP");
        writeGif(indexedColors(), "cat/x.gif");
        write(colors(), "jpg", "cat/sub/y.jpeg");
        Files.writeString(root.resolve("cat/notes.txt"), "not an image");
        Files.writeString(root.resolve("dog/.hidden.png"), "ignored");
        Files.createDirectories(root.resolve(".cache"));
        ImageFolder f = folder().open();
        assertThat(f.classNames()).containsExactly("cat", "dog");
        assertThat(f.files()).containsExactly(root.resolve("cat/sub/y.jpeg"), root.resolve("cat/x.gif"),
                root.resolve("dog/a photo.BMP"), root.resolve("dog/b.png"));
        assertThat(f.size()).isEqualTo(4);
        assertThat(f.label(0)).isZero();
        assertThat(f.get(3).label()).isEqualTo(1);
        assertThat(f.skipped()).isEmpty();
    }

    @Test
    void rgbAndGrayscalePixelsAreExact() throws IOException {
        write(colors(), "png", "a/rgb.png");
        writeGif(indexedColors(), "a/rgb.gif");
        write(gray(2, 3), "png", "b/gray.png");
        ImageFolder rgb = folder().open();
        float[] red = {255, 0, 0, 255};
        float[] green = {0, 255, 0, 255};
        float[] blue = {0, 0, 255, 255};
        for (int i = 0; i < 2; i++) {
            Sample s = rgb.get(i);
            assertThat(s.features().shape()).isEqualTo(Shape.of(3, 2, 2));
            float[] v = s.features().toFloatArray();
            assertThat(Arrays.copyOfRange(v, 0, 4)).containsExactly(red);
            assertThat(Arrays.copyOfRange(v, 4, 8)).containsExactly(green);
            assertThat(Arrays.copyOfRange(v, 8, 12)).containsExactly(blue);
        }
        // A grayscale file keeps its values (no sRGB conversion), replicated over three channels in RGB mode.
        float[] g = rgb.get(2).features().toFloatArray();
        assertThat(Arrays.copyOfRange(g, 0, 6)).containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(Arrays.copyOfRange(g, 6, 12)).containsExactly(0, 10, 20, 30, 40, 50);

        ImageFolder mono = folder().colorMode(ColorMode.GRAYSCALE).open();
        assertThat(mono.get(2).features().toFloatArray()).containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(mono.get(0).features().toFloatArray()).containsExactly(new float[] {0.299f * 255, 0.587f * 255,
                0.114f * 255, 255}, within(1e-3f));
    }

    @Test
    void areaResizeAveragesTheCoveredPixels() throws IOException {
        write(gray(4, 6), "png", "a/x.png");
        Sample s = folder().colorMode(ColorMode.GRAYSCALE).targetSize(2, 3).open().get(0);
        assertThat(s.features().shape()).isEqualTo(Shape.of(1, 2, 3));
        // PyTorch adaptive_avg_pool2d of arange(24).reshape(4, 6) to (2, 3), times 10.
        assertThat(s.features().toFloatArray()).containsExactly(new float[] {35, 55, 75, 155, 175, 195},
                within(1e-4f));
    }

    @Test
    void areaResizeWeighsPartlyCoveredPixels() throws IOException {
        write(gray(1, 5), "png", "a/x.png");
        Sample s = folder().colorMode(ColorMode.GRAYSCALE).targetSize(1, 3).open().get(0);
        // Outputs cover [0, 5/3), [5/3, 10/3), [10/3, 5) of the row 0, 10, 20, 30, 40.
        assertThat(s.features().toFloatArray()).containsExactly(new float[] {4, 20, 36}, within(1e-4f));
    }

    @Test
    void bilinearResizeMatchesPyTorch() throws IOException {
        write(gray(2, 3), "png", "a/x.png");
        ImageFolder f = folder().colorMode(ColorMode.GRAYSCALE).targetSize(3, 5).resize(ResizeMethod.BILINEAR).open();
        // torch.nn.functional.interpolate(arange(6).reshape(1, 1, 2, 3) * 10, (3, 5), "bilinear", align_corners=False)
        assertThat(f.get(0).features().toFloatArray()).containsExactly(new float[] {0, 4, 10, 16, 20, 15, 19, 25, 31,
                35, 30, 34, 40, 46, 50}, within(1e-4f));
        assertThat(f.sampleShape()).isEqualTo(Shape.of(1, 3, 5));
    }

    @Test
    void unreadableFilesAreSkippedAndReportedOrFail() throws IOException {
        write(colors(), "png", "a/good.png");
        Path garbage = root.resolve("a/garbage.png");
        Files.writeString(garbage, "not a png at all");
        Path empty = root.resolve("a/empty.jpg");
        Files.write(empty, new byte[0]);
        ImageFolder f = folder().open();
        assertThat(f.files()).containsExactly(root.resolve("a/good.png"));
        assertThat(f.skipped()).containsExactly(new SkippedFile(empty, "the file is empty"),
                new SkippedFile(garbage, "no javax.imageio reader recognises the file (first bytes 6e 6f 74 20)"));
        assertThat(f.toString()).contains("1 images", "2 skipped");

        assertThatThrownBy(() -> folder().onUnreadable(UnreadablePolicy.FAIL).open())
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(empty + ": unreadable image: the file is empty (onUnreadable(SKIP) leaves such files out)");
    }

    @Test
    void aFileTruncatedAfterItsHeaderIsCaughtByVerifyOrNamedWhenRead() throws IOException {
        write(colors(), "png", "a/good.png");
        Path whole = write(gray(40, 40), "png", "a/truncated.png");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(whole, Arrays.copyOf(bytes, 60));
        ImageFolder lazy = folder().open();
        assertThat(lazy.files()).contains(whole);
        int index = lazy.files().indexOf(whole);
        assertThatThrownBy(() -> lazy.get(index)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("imageFolder: cannot read " + whole + ": ");
        DataLoader loader = DataLoader.builder(lazy).batchSize(2).workers(1).build();
        assertThatThrownBy(() -> loader.iterator().next()).isInstanceOf(DataLoaderException.class)
                .hasMessageContaining("sample " + index).hasMessageContaining(whole.toString());
        loader.close();

        ImageFolder verified = folder().verify(true).open();
        assertThat(verified.files()).containsExactly(root.resolve("a/good.png"));
        assertThat(verified.skipped()).extracting(SkippedFile::file).containsExactly(whole);
    }

    @Test
    void emptyOrMissingFoldersAreClearErrors() throws IOException {
        assertThatThrownBy(() -> folder().open()).isInstanceOf(DatasetFormatException.class)
                .hasMessage("imageFolder: " + root + " has no class folders; expected root/<class name>/<image files>");
        write(colors(), "png", "ants/a.png");
        Files.createDirectories(root.resolve("bees"));
        Files.writeString(root.resolve("bees/readme.txt"), "x");
        assertThatThrownBy(() -> folder().open()).isInstanceOf(DatasetFormatException.class)
                .hasMessage("imageFolder: class folder " + root.resolve("bees")
                        + " holds no image files (bmp, gif, jpeg, jpg, png); add images or remove the folder");
        Files.writeString(root.resolve("bees/b.png"), "broken");
        assertThatThrownBy(() -> folder().open()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("holds no readable image: all 1 were skipped, first " + root.resolve("bees/b.png")
                        + ": no javax.imageio reader");
        assertThatThrownBy(() -> ImageFolder.builder(root.resolve("nowhere")).open())
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> folder().targetSize(0, 3)).hasMessage("imageFolder: targetSize must be >= 1 x 1, got 0 x 3");
    }

    @Test
    void imagesOfDifferentSizesBatchAfterResizing() throws IOException {
        write(gray(3, 5), "png", "a/small.png");
        write(gray(7, 4), "png", "a/tall.png");
        write(colors(), "png", "b/c.png");
        DataLoader loader = DataLoader.builder(folder().targetSize(4, 4).open()).batchSize(3).workers(2).build();
        Batch b = loader.iterator().next();
        assertThat(b.features().shape()).isEqualTo(Shape.of(3, 3, 4, 4));
        assertThat(b.labels().toFloatArray()).containsExactly(0, 0, 1);
        loader.close();
    }

    @Test
    void readsHymenopteraWhenPresent() throws IOException {
        Path train = SharedData.require("hymenoptera/train");
        ImageFolder f = ImageFolder.builder(train).targetSize(32, 32).open();
        assertThat(f.classNames()).containsExactly("ants", "bees");
        assertThat(f.skipped()).isEmpty();
        assertThat(f.size()).isEqualTo(124 + 121);
        assertThat(f.files()).contains(train.resolve("ants/ant photos.jpg"), train.resolve("ants/imageNotFound.gif"),
                train.resolve("ants/formica.jpeg"));
        Sample gif = f.get(f.files().indexOf(train.resolve("ants/imageNotFound.gif")));
        assertThat(gif.features().shape()).isEqualTo(Shape.of(3, 32, 32));
        assertThat(gif.label()).isZero();
        assertThat(f.get(f.files().indexOf(train.resolve("ants/ant photos.jpg"))).features().shape())
                .isEqualTo(Shape.of(3, 32, 32));
        long bees = java.util.stream.IntStream.range(0, f.size()).filter(i -> f.label(i) == 1).count();
        assertThat(bees).isEqualTo(121);
    }

    @Test
    void cifarJpegsAgreeWithTheBinaryRecordsWhenPresent() throws IOException {
        Path jpg = SharedData.require("cifar10-jpg-test");
        Path bin = SharedData.require("cifar10-bin-subset/test_batch_first1000.bin");
        ImageFolder f = ImageFolder.builder(jpg).open();
        assertThat(f.size()).isEqualTo(10_000);
        assertThat(f.classNames()).isEqualTo(Cifar10Dataset.CLASSES);
        assertThat(f.sampleShape()).isNull();
        ArrayDataset records = Cifar10Dataset.load(List.of(bin), Device.REFERENCE);
        // Test record 0 is a cat: the first file of class "cat", a lossy JPEG copy of it.
        int cat = f.files().indexOf(jpg.resolve("cat/0000.jpg"));
        Sample s = f.get(cat);
        assertThat(s.label()).isEqualTo(3);
        assertThat(records.label(0)).isEqualTo(3);
        float[] fromJpeg = s.features().toFloatArray();
        float[] exact = records.get(0).features().toFloatArray();
        double diff = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += Math.abs(fromJpeg[i] - exact[i]);
        }
        assertThat(diff / exact.length).isLessThan(12);
    }
}
