package dev.nabla.train.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.train.History;
import dev.nabla.train.TestHistories;
import dev.nabla.train.metrics.ConfusionMatrix;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingReportTest {
    /** Four epochs of loss, accuracy and their validation values, recorded as a fit would. */
    private static History history() {
        double[] loss = {0.9, 0.5, 0.35, 0.3};
        double[] valLoss = {0.8, 0.55, 0.45, 0.47};
        List<Map<String, Double>> epochs = new ArrayList<>();
        for (int e = 0; e < loss.length; e++) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("loss", loss[e]);
            row.put("accuracy", 0.6 + 0.1 * e);
            row.put("val_loss", valLoss[e]);
            row.put("val_accuracy", 0.62 + 0.08 * e);
            row.put("lr", 0.01);
            epochs.add(row);
        }
        return TestHistories.of(epochs);
    }

    private static ConfusionMatrix matrix() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.update(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}}),
                Tensor.of(0, 1, 2, 2, 0));
        return m;
    }

    /** The fraction of pixels of {@code area} that are not white. */
    private static double inked(BufferedImage image, Rectangle area) {
        long inked = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                inked += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        return (double) inked / ((long) area.width * area.height);
    }

    /** Whether {@code image} has a pixel close to {@code rgb}. */
    private static boolean hasColor(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void writesCurvesAMatrixAndAPageShowingThemWithTheSettings(@TempDir Path dir) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", "lenet5 <61,706 parameters>");
        settings.put("optimizer", "Adam lr=0.001");
        settings.put("batch size", "64");
        Map<String, Double> finalMetrics = Map.of("accuracy", 0.98765);
        Path page = new TrainingReport(history(), settings, finalMetrics, matrix(), List.of("cat", "dog", "eel"))
                .write(dir.resolve("report"));

        BufferedImage curves = ImageIO.read(dir.resolve("report/curves.png").toFile());
        assertThat(curves.getWidth()).isEqualTo(2 * CurvesPlot.PANEL_WIDTH);
        assertThat(curves.getHeight()).isEqualTo(CurvesPlot.HEIGHT);
        for (int panel = 0; panel < 2; panel++) {
            Rectangle area = new Rectangle(panel * CurvesPlot.PANEL_WIDTH, 0, CurvesPlot.PANEL_WIDTH,
                    CurvesPlot.HEIGHT);
            assertThat(inked(curves, area)).as("panel %d", panel).isBetween(0.01, 0.5);
        }
        assertThat(hasColor(curves, CurvesPlot.TRAIN.getRGB() & 0xFFFFFF)).isTrue();
        assertThat(hasColor(curves, CurvesPlot.VALIDATION.getRGB() & 0xFFFFFF)).isTrue();

        BufferedImage confusion = ImageIO.read(dir.resolve("report/confusion_matrix.png").toFile());
        assertThat(confusion.getWidth()).isEqualTo(ConfusionMatrixPlot.SIZE);
        assertThat(confusion.getHeight()).isEqualTo(ConfusionMatrixPlot.SIZE);
        assertThat(inked(confusion, new Rectangle(0, 0, ConfusionMatrixPlot.SIZE, ConfusionMatrixPlot.SIZE)))
                .isBetween(0.05, 0.9);

        assertThat(page).isEqualTo(dir.resolve("report/report.html"));
        String html = Files.readString(page);
        assertThat(html).contains("<img src=\"curves.png\"", "<img src=\"confusion_matrix.png\"",
                "<tr><th>model</th><td>lenet5 &lt;61,706 parameters&gt;</td></tr>",
                "<tr><th>batch size</th><td>64</td></tr>", "<th>accuracy</th><td class=\"n\">0.9877</td>",
                "<th>val_accuracy</th>");
        try (var files = Files.list(dir.resolve("report"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("confusion_matrix.png", "curves.png", "report.html");
        }
    }

    @Test
    void aRegressionReportHasNoMatrixAndAPanelPerMetric(@TempDir Path dir) throws Exception {
        History h = history();
        assertThat(CurvesPlot.panels(h)).containsExactly("loss", "accuracy");
        new TrainingReport(h, Map.of(), Map.of(), null, List.of()).write(dir);
        assertThat(Files.exists(dir.resolve(TrainingReport.CONFUSION))).isFalse();
        assertThat(Files.readString(dir.resolve(TrainingReport.PAGE))).doesNotContain("confusion_matrix.png");
        BufferedImage empty = CurvesPlot.render(new History());
        assertThat(empty.getWidth()).isEqualTo(CurvesPlot.PANEL_WIDTH);
    }

    @Test
    void classNamesMustMatchTheMatrix() {
        assertThatThrownBy(() -> ConfusionMatrixPlot.render(matrix(), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusionMatrixPlot: 2 class names for a 3-class matrix; give one name per class or none");
    }

    @Test
    void ticksAreNiceRoundNumbersCoveringTheData() {
        Ticks t = Ticks.covering(0.31, 0.87, 6, false);
        assertThat(t.step()).isEqualTo(0.1);
        assertThat(t.min()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.max()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.values()).hasSize(7);
        assertThat(t.label(0.5)).isEqualTo("0.5");
        Ticks epochs = Ticks.covering(1, 3, 8, true);
        assertThat(epochs.step()).isEqualTo(1);
        assertThat(epochs.label(2)).isEqualTo("2");
        Ticks flat = Ticks.covering(2, 2, 6, false);
        assertThat(flat.min()).isLessThan(2);
        assertThat(flat.max()).isGreaterThan(2);
    }

    @Test
    void pngsAreWrittenAtomically(@TempDir Path dir) throws IOException {
        Png.write(Png.canvas(4, 3), dir.resolve("a.png"));
        assertThat(ImageIO.read(dir.resolve("a.png").toFile()).getWidth()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
    }
}
