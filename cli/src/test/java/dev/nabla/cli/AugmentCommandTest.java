package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Nabla.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void writesAPngGridOfDigits(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("out.png");
        assertThat(run("augment", "--preview", png.toString(), "--rotation", "20", "--horizontal-flip",
                "--rows", "3", "--cols", "5", "--scale", "4")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 + 5 * (4 * 8 + 2));
        assertThat(image.getHeight()).isEqualTo(2 + 3 * (4 * 8 + 2));
        assertThat(out.toString()).startsWith("wrote " + png + ": 3 samples of digits, the original and 4 augmentations "
                + "each, by [RandomAffine([RandomRotation(degrees=[-20.0, 20.0])], fill=nearest), "
                + "RandomFlip(horizontal, p=0.5)]");
    }

    @Test
    void withoutTransformOptionsItShowsASampleSetAndScalesCellsToAbout96Pixels(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("default.png");
        assertThat(run("augment", "--preview", png.toString())).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 + 8 * (96 + 2));
        assertThat(image.getHeight()).isEqualTo(2 + 6 * (96 + 2));
        assertThat(out.toString()).contains("RandomRotation(degrees=[-15.0, 15.0]", "unit=FRACTION",
                "RandomZoom(factor=[0.9, 1.1]");
    }

    @Test
    void readsAnImageFolderAtTheGivenSize(@TempDir Path dir) throws IOException {
        for (String cls : new String[] {"a", "b"}) {
            Files.createDirectories(dir.resolve("img/" + cls));
            BufferedImage picture = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(3, 4, 0xFF8800);
            ImageIO.write(picture, "png", dir.resolve("img/" + cls + "/p.png").toFile());
        }
        Path png = dir.resolve("photos.png");
        assertThat(run("augment", "--preview", png.toString(), "--data", "images:" + dir.resolve("img"),
                "--size", "10x12", "--rows", "2", "--cols", "3", "--scale", "1", "--brightness", "0.5,1.5",
                "--fill-mode", "reflect")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 + 3 * (12 + 2));
        assertThat(image.getHeight()).isEqualTo(2 + 2 * (10 + 2));
    }

    @Test
    void theSeedChoosesTheAugmentations(@TempDir Path dir) throws IOException {
        String[] common = {"augment", "--rotation", "30", "--rows", "2", "--cols", "3"};
        for (String[] run : new String[][] {{"a.png", "1"}, {"b.png", "1"}, {"c.png", "2"}}) {
            String[] args = java.util.Arrays.copyOf(common, common.length + 4);
            System.arraycopy(new String[] {"--preview", dir.resolve(run[0]).toString(), "--seed", run[1]}, 0, args,
                    common.length, 4);
            assertThat(run(args)).isZero();
        }
        byte[] a = Files.readAllBytes(dir.resolve("a.png"));
        assertThat(Files.readAllBytes(dir.resolve("b.png"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("c.png"))).isNotEqualTo(a);
    }

    @Test
    void explainsItself() {
        assertThat(run("augment", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla augment", "--preview=PNG", "--rotation=DEGREES",
                "Without any transform option it shows");
    }

    @Test
    void rejectsBadOptionsWithUsageErrors(@TempDir Path dir) {
        String png = dir.resolve("x.png").toString();
        assertThat(run("augment")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--preview=PNG'");
        assertThat(run("augment", "--preview", png, "--data", "faces:/tmp")).isEqualTo(2);
        assertThat(err.toString()).contains("--data: unknown data 'faces:/tmp'; expected digits, mnist:DIR, fashion:DIR, "
                + "cifar10:DIR, csv:FILE or images:DIR");
        assertThat(run("augment", "--preview", png, "--rotation", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("ImageAugmenter: rotationRange must be finite and >= 0, got -3.0");
        assertThat(run("augment", "--preview", png, "--fill-mode", "mirror")).isEqualTo(2);
        assertThat(err.toString()).contains("fill mode: unknown 'mirror'");
        assertThat(run("augment", "--preview", png, "--brightness", "0.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--brightness takes LO,HI, e.g. 0.8,1.2");
        assertThat(run("augment", "--preview", png, "--data", "images:" + dir, "--size", "big")).isEqualTo(2);
        assertThat(err.toString()).contains("--size: expected HxW such as 96x96, got 'big'");
        assertThat(run("augment", "--preview", png, "--download")).isEqualTo(2);
        assertThat(err.toString()).contains("--download works with mnist, fashion and cifar10, not digits");
        assertThat(run("augment", "--preview", png, "--rows", "2000")).isEqualTo(2);
        assertThat(err.toString()).contains("--rows 2000 exceeds the 1797 samples of digits");
        assertThat(run("augment", "--preview", png, "--data", "mnist:" + dir.resolve("none"))).isEqualTo(1);
        assertThat(err.toString()).contains("mnist: no train-images-idx3-ubyte[.gz]");
        assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
    }
}
