package dev.nabla.train.report;

import dev.nabla.train.AtomicFiles;
import dev.nabla.train.Formats;
import dev.nabla.train.History;
import dev.nabla.train.metrics.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a person looks at after training: {@value #CURVES} (the learning curves, see
 * {@link CurvesPlot}), {@value #CONFUSION} for a classifier (see {@link ConfusionMatrixPlot}) and
 * {@value #PAGE}, a page showing them with the run's settings, its final metrics and the
 * history as a table.
 *
 * <pre>{@code
 * new TrainingReport(trainer.history(), trainer.settings(), trainer.evaluate(test),
 *         trainer.confusionMatrix(test), test.dataset().classNames()).write(Path.of("out"));
 * }</pre>
 *
 * @param history      the fit's history
 * @param settings     the run's settings by name (model, optimizer, batch size, ...), in display order
 * @param finalMetrics the final metrics by name (e.g. a test evaluation), in display order
 * @param matrix       the confusion matrix, or null for a model that is not a classifier
 * @param classNames   the class names for the matrix, or empty for the class indices
 */
public record TrainingReport(History history, Map<String, String> settings, Map<String, Double> finalMetrics,
        ConfusionMatrix matrix, List<String> classNames) {
    /** The file name of the learning curves. */
    public static final String CURVES = "curves.png";
    /** The file name of the confusion matrix. */
    public static final String CONFUSION = "confusion_matrix.png";
    /** The file name of the page. */
    public static final String PAGE = "report.html";

    /** @throws NullPointerException if the history, settings, metrics or names are null */
    public TrainingReport {
        Objects.requireNonNull(history, "history");
        settings = new LinkedHashMap<>(settings);
        finalMetrics = new LinkedHashMap<>(finalMetrics);
        classNames = List.copyOf(classNames);
    }

    /**
     * Writes the images and the page into {@code dir} (created if needed), each file atomically.
     *
     * @return the page's path
     * @throws IOException if a file cannot be written
     */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        CurvesPlot.write(history, dir.resolve(CURVES));
        if (matrix != null) {
            ConfusionMatrixPlot.write(matrix, classNames, dir.resolve(CONFUSION));
        }
        Path page = dir.resolve(PAGE);
        AtomicFiles.writeString(page, html());
        return page;
    }

    /** The page: settings, final metrics, the images by their file names, the history table. */
    public String html() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Training report</title>\n<style>\n"
                + "body { font-family: sans-serif; margin: 2em; color: #222; }\n"
                + "table { border-collapse: collapse; margin-bottom: 1.5em; }\n"
                + "th, td { border: 1px solid #ccc; padding: 0.25em 0.75em; text-align: left; }\n"
                + "td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
                + "img { max-width: 100%; border: 1px solid #eee; }\n</style>\n</head>\n<body>\n"
                + "<h1>Training report</h1>\n");
        sb.append("<h2>Settings</h2>\n<table>\n");
        settings.forEach((k, v) -> sb.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v))
                .append("</td></tr>\n"));
        sb.append("</table>\n<h2>Final metrics</h2>\n<table>\n");
        finalMetrics.forEach((k, v) -> sb.append("<tr><th>").append(escape(k)).append("</th><td class=\"n\">")
                .append(Formats.metric(v)).append("</td></tr>\n"));
        sb.append("</table>\n<h2>Learning curves</h2>\n<p><img src=\"").append(CURVES)
                .append("\" alt=\"loss and metric curves per epoch, training and validation\"></p>\n");
        if (matrix != null) {
            sb.append("<h2>Confusion matrix</h2>\n<p><img src=\"").append(CONFUSION)
                    .append("\" alt=\"confusion matrix: true classes by predicted classes\"></p>\n");
        }
        return sb.append(historyTable()).append("</body>\n</html>\n").toString();
    }

    private String historyTable() {
        StringBuilder sb = new StringBuilder("<h2>History</h2>\n<table>\n<tr><th>epoch</th>");
        history.names().forEach(n -> sb.append("<th>").append(escape(n)).append("</th>"));
        sb.append("</tr>\n");
        for (int e = 0; e < history.epochs(); e++) {
            sb.append("<tr><td class=\"n\">").append(e + 1).append("</td>");
            for (String n : history.names()) {
                sb.append("<td class=\"n\">").append(Formats.metric(history.get(n).get(e))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
