package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.data.ArrayDataset;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentPreviewTest {
    /** Ten 1x4x5 images whose values are 10 * index + position / 20. */
    private static ArrayDataset ramps(int channels) {
        int n = 10;
        int size = channels * 4 * 5;
        float[] values = new float[n * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 * (i / size) + (i % size) / (float) size;
        }
        return ArrayDataset.ofFloats(values, Shape.of(channels, 4, 5), new float[n], List.of(), Device.REFERENCE);
    }

    @Test
    void writesAPngGridOfTheExpectedSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("grid.png");
        AugmentPreview.write(ramps(1), new RandomRotation(30), 3, 4, 2, 0, file);
        BufferedImage png = ImageIO.read(file.toFile());
        int gap = AugmentPreview.GAP;
        assertThat(png.getWidth()).isEqualTo(gap + 4 * (2 * 5 + gap));
        assertThat(png.getHeight()).isEqualTo(gap + 3 * (2 * 4 + gap));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theFirstColumnIsTheOriginalAndTheOthersDiffer() {
        ArrayDataset data = ramps(3);
        BufferedImage grid = AugmentPreview.render(data, RandomFlip.horizontal(1), 2, 3, 1, 0);
        int gap = AugmentPreview.GAP;
        // row 1 shows sample 5 (rows spread over the data set); values span 0 .. 59.98 over the grid
        int left = grid.getRGB(gap, gap + 4 + gap);
        int flippedRight = grid.getRGB(gap + 2 * (5 + gap) + 4, gap + 4 + gap);
        assertThat(flippedRight).isEqualTo(left);
        assertThat(grid.getRGB(gap + 4, gap + 4 + gap)).isNotEqualTo(left);
        float hi = 50 + 59 / 60f;
        assertThat((left >> 16) & 0xFF).isEqualTo(Math.round(255 * (50 / hi)));
    }

    @Test
    void autoScalesSmallImagesAndKeepsColour(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("auto.png");
        AugmentPreview.write(ramps(3), Compose.of(), 2, 2, file);
        BufferedImage png = ImageIO.read(file.toFile());
        int scale = 96 / 5;
        assertThat(png.getWidth()).isEqualTo(AugmentPreview.GAP + 2 * (scale * 5 + AugmentPreview.GAP));
        // sample 0's first pixel is 0, 20/60 and 40/60 in its three channels; the grid's largest value is sample 5's
        float hi = 50 + 59 / 60f;
        int expected = Math.round(255 * ((20 / 60f) / hi)) << 8 | Math.round(255 * ((40 / 60f) / hi));
        assertThat(png.getRGB(AugmentPreview.GAP, AugmentPreview.GAP) & 0xFFFFFF).isEqualTo(expected);
        assertThat(png.getRGB(AugmentPreview.GAP + scale - 1, AugmentPreview.GAP + scale - 1) & 0xFFFFFF)
                .as("one image pixel is a scale x scale block").isEqualTo(expected);
    }

    @Test
    void rejectsWhatItCannotDraw(@TempDir Path dir) {
        ArrayDataset four = ArrayDataset.ofFloats(new float[4 * 9], Shape.of(4, 3, 3), new float[1], List.of(),
                Device.REFERENCE);
        assertThatThrownBy(() -> AugmentPreview.render(four, Compose.of(), 1, 2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("augmentPreview: can draw images of 1 or 3 channels, got [4, 3, 3]");
        assertThatThrownBy(() -> AugmentPreview.render(ramps(1), Compose.of(), 11, 2, 1, 0))
                .hasMessage("augmentPreview: need 1 <= rows <= 10 (the data set size), cols >= 2 and scale >= 1, "
                        + "got rows=11 cols=2 scale=1");
        Path missing = dir.resolve("no/such/dir/out.png");
        assertThatThrownBy(() -> AugmentPreview.write(ramps(1), Compose.of(), 1, 2, missing))
                .isInstanceOf(IOException.class);
        assertThat(Files.exists(missing)).isFalse();
    }
}
