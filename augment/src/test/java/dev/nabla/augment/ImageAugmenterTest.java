package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.data.ArrayDataset;
import dev.nabla.data.Batch;
import dev.nabla.data.DataLoader;
import dev.nabla.data.DataLoaderException;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAugmenterTest {
    @Test
    void buildsThePipelineInKerasOrder() {
        ImageAugmenter augmenter = ImageAugmenter.builder().rescale(1 / 255.0).brightnessRange(0.5, 1.5)
                .verticalFlip(true).horizontalFlip(true).zoomRange(0.2).heightShiftRange(3).widthShiftRange(0.1)
                .rotationRange(20).fillMode(FillMode.REFLECT).build();
        List<ImageTransform> steps = augmenter.transform().transforms();
        assertThat(steps).extracting(t -> t.getClass().getSimpleName()).containsExactly(
                "RandomAffine", "RandomFlip", "RandomFlip", "RandomBrightness", "Rescale");
        RandomAffine affine = (RandomAffine) steps.get(0);
        assertThat(affine.fillMode()).isEqualTo(FillMode.REFLECT);
        assertThat(affine).hasToString("RandomAffine([RandomRotation(degrees=[-20.0, 20.0]), "
                + "RandomShift(width=0.1, height=0.0, unit=FRACTION), RandomShift(width=0.0, height=3.0, unit=PIXELS), "
                + "RandomZoom(factor=[0.8, 1.2])], fill=reflect)");
        assertThat(ImageAugmenter.builder().rotationRange(5).fillMode(FillMode.CONSTANT).cval(0.5).build())
                .hasToString("ImageAugmenter([RandomAffine([RandomRotation(degrees=[-5.0, 5.0])], fill=constant, "
                        + "value=0.5)])");
        assertThat(steps.get(1)).hasToString("RandomFlip(horizontal, p=0.5)");
        assertThat(ImageAugmenter.builder().build().transform().transforms()).isEmpty();
    }

    @Test
    void shiftRangesBelowOneAreFractionsAndAboveArePixels() {
        GeometricTransform fraction = (GeometricTransform) ImageAugmenter.builder().widthShiftRange(0.5).build()
                .transform().transforms().get(0);
        GeometricTransform pixels = (GeometricTransform) ImageAugmenter.builder().widthShiftRange(2).build()
                .transform().transforms().get(0);
        double widest = 0;
        double widestPixels = 0;
        Rng rng = new Rng(4);
        for (int i = 0; i < 500; i++) {
            widest = Math.max(widest, Math.abs(fraction.sample(rng, 10, 40).c()));
            widestPixels = Math.max(widestPixels, Math.abs(pixels.sample(rng, 10, 40).c()));
        }
        assertThat(widest).isBetween(19.0, 20.0);   // half of the width 40
        assertThat(widestPixels).isBetween(1.9, 2.0);
    }

    @Test
    void rescalesAfterTheRandomTransforms() {
        float[] data = new float[2 * 6 * 6];
        Arrays.fill(data, 255);
        HostImage white = new HostImage(data, 2, 6, 6);
        ImageAugmenter augmenter = ImageAugmenter.builder().rotationRange(30).zoomRange(0.3).rescale(1 / 255.0).build();
        for (float v : augmenter.apply(white, new Rng(2)).data()) {
            assertThat(v).isEqualTo((float) (255 * (1 / 255.0)));
        }
    }

    @Test
    void rejectsBadSettingsByTheirKerasNames() {
        assertThatThrownBy(() -> ImageAugmenter.builder().rotationRange(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ImageAugmenter: rotationRange must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> ImageAugmenter.builder().zoomRange(1.5).build())
                .hasMessage("ImageAugmenter: zoomRange must be finite bounds [lower, upper] with 0 < lower <= upper, "
                        + "got [-0.5, 2.5]");
        assertThatThrownBy(() -> ImageAugmenter.builder().brightnessRange(1.2, 0.8).build())
                .hasMessage("ImageAugmenter: brightnessRange must be finite bounds [lower, upper] with 0 <= lower "
                        + "<= upper, got [1.2, 0.8]");
        assertThatThrownBy(() -> ImageAugmenter.builder().widthShiftRange(Double.NaN).build())
                .hasMessage("ImageAugmenter: widthShiftRange must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> ImageAugmenter.builder().workers(-1).build())
                .hasMessage("ImageAugmenter: workers must be >= 0, got -1");
    }

    private static ArrayDataset squares(int n) {
        return squares(n, Shape.of(1, 8, 8));
    }

    private static ArrayDataset squares(int n, Shape sampleShape) {
        float[] values = new float[n * 8 * 8];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int y = 2; y < 6; y++) {
                for (int x = 1 + i % 3; x < 5 + i % 3; x++) {
                    values[i * 64 + y * 8 + x] = 255;
                }
            }
        }
        return ArrayDataset.ofFloats(values, sampleShape, labels, List.of("a", "b"), Device.REFERENCE);
    }

    private static List<float[]> epoch(DataLoader loader, int epoch) {
        List<float[]> all = new ArrayList<>();
        for (Batch b : loader.epoch(epoch)) {
            all.add(b.features().toFloatArray());
            all.add(b.labels().toFloatArray());
        }
        return all;
    }

    @Test
    void aLoaderAugmentsInItsWorkersAndTheSeedFixesTheEpochWhateverTheWorkerCount() {
        ArrayDataset data = squares(40);
        ImageAugmenter.Builder settings = ImageAugmenter.builder().rotationRange(25).widthShiftRange(0.2)
                .horizontalFlip(true).seed(7);
        List<float[]> inline;
        List<float[]> twoWorkers;
        List<float[]> plain;
        try (DataLoader a = settings.workers(0).build().flow(data).batchSize(8).build();
                DataLoader b = settings.workers(2).build().flow(data).batchSize(8).build();
                DataLoader c = DataLoader.builder(data).batchSize(8).shuffle(7).build()) {
            assertThat(b.workers()).isEqualTo(2);
            inline = epoch(a, 1);
            twoWorkers = epoch(b, 1);
            plain = epoch(c, 1);
            assertThat(epoch(a, 2).get(0)).isNotEqualTo(inline.get(0));
        }
        assertThat(twoWorkers).hasSameSizeAs(inline);
        for (int i = 0; i < inline.size(); i++) {
            assertThat(twoWorkers.get(i)).containsExactly(inline.get(i));
        }
        assertThat(inline.get(1)).as("same shuffle, so the same labels").containsExactly(plain.get(1));
        assertThat(inline.get(0)).as("augmented features").isNotEqualTo(plain.get(0));
    }

    @Test
    void aSampleThatIsNotAnImageIsNamedByTheLoader() {
        ArrayDataset flat = squares(4, Shape.of(64));
        try (DataLoader loader = ImageAugmenter.builder().rotationRange(10).workers(0).seed(1).build()
                .flow(flat).batchSize(2).build()) {
            assertThatThrownBy(() -> loader.iterator(0).next()).isInstanceOf(DataLoaderException.class)
                    .hasMessageContaining("failed: IllegalArgumentException: image: expected a tensor of shape "
                            + "[C, H, W], got [64]");
        }
    }

    private static void writeImage(Path file, int rgb, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size + 3, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, x < size / 2 ? rgb : 0);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void flowsFromADirectory(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 5; i++) {
            writeImage(dir.resolve("cats/" + i + ".png"), 0xFF0000, 10 + i);
            writeImage(dir.resolve("dogs/" + i + ".png"), 0x00FF00, 12 + i);
        }
        ImageAugmenter augmenter = ImageAugmenter.builder().rotationRange(15).horizontalFlip(true)
                .rescale(1 / 255.0).seed(3).workers(2).build();
        int batches = 0;
        try (DataLoader loader = augmenter.flowFromDirectory(dir, 8, 6, 4, ClassMode.BINARY)) {
            assertThat(loader.dataset().classNames()).containsExactly("cats", "dogs");
            for (Batch b : loader.epoch(0)) {
                assertThat(b.features().shape().dims()).containsExactly(b.size(), 3, 8, 6);
                for (float v : b.features().toFloatArray()) {
                    assertThat(v).isBetween(0f, 1.0001f);
                }
                for (float label : b.labels().toFloatArray()) {
                    assertThat(label).isIn(0f, 1f);
                }
                batches++;
            }
        }
        assertThat(batches).isEqualTo(3);
        writeImage(dir.resolve("birds/0.png"), 0xFF, 9);
        assertThatThrownBy(() -> augmenter.flowFromDirectory(dir, 8, 8, 4, ClassMode.BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flowFromDirectory: class mode BINARY needs exactly 2 class folders, found 3 in " + dir
                        + ": [birds, cats, dogs]; use SPARSE for more classes");
    }

    @Test
    void flowsFromTheHymenopteraPhotos() throws IOException {
        Path train = SharedData.require("hymenoptera/train");
        ImageAugmenter augmenter = ImageAugmenter.builder().rotationRange(20).zoomRange(0.2).horizontalFlip(true)
                .rescale(1 / 255.0).seed(0).workers(2).build();
        try (DataLoader loader = augmenter.flowFromDirectory(train, 48, 48, 16, ClassMode.BINARY)) {
            Batch first = loader.iterator(0).next();
            assertThat(first.features().shape().dims()).containsExactly(16, 3, 48, 48);
            assertThat(first.labels().toFloatArray()).contains(0f, 1f);
        }
    }
}
