package dev.nabla.train.report;

import dev.nabla.train.History;
import dev.nabla.train.Trainer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning curves of a {@link History}: one panel per recorded quantity, the loss first,
 * then each metric ({@code accuracy}, {@code top5_accuracy}, {@code mse}, ...), each with its
 * training curve and, when recorded, its validation curve, against the epoch.
 */
public final class CurvesPlot {
    /** The size of one panel in pixels. */
    public static final int PANEL_WIDTH = 560;
    /** The height of the image in pixels. */
    public static final int HEIGHT = 420;
    static final Color TRAIN = new Color(0x1F, 0x77, 0xB4);
    static final Color VALIDATION = new Color(0xFF, 0x7F, 0x0E);

    private CurvesPlot() {
    }

    /**
     * The quantities drawn, one panel each: {@code loss}, then every other training name except
     * {@code lr}, in the history's order.
     */
    public static List<String> panels(History history) {
        List<String> out = new ArrayList<>();
        for (String name : history.names()) {
            if (!name.startsWith(Trainer.VALIDATION_PREFIX) && !name.equals(Trainer.LEARNING_RATE)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The image: {@link #PANEL_WIDTH} times the number of {@link #panels} wide (one panel, the
     * loss, when nothing is recorded), {@link #HEIGHT} high.
     */
    public static BufferedImage render(History history) {
        List<String> names = panels(history);
        int count = Math.max(1, names.size());
        BufferedImage image = Png.canvas(PANEL_WIDTH * count, HEIGHT);
        Graphics2D g = Png.graphics(image);
        for (int i = 0; i < count; i++) {
            String name = names.isEmpty() ? "loss" : names.get(i);
            LineChart chart = new LineChart(name, name);
            if (history.has(name)) {
                chart.add("train", values(history, name), TRAIN);
            }
            String validation = Trainer.VALIDATION_PREFIX + name;
            if (history.has(validation)) {
                chart.add("validation", values(history, validation), VALIDATION);
            }
            chart.draw(g, new Rectangle(i * PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
        }
        g.dispose();
        return image;
    }

    /** Writes {@link #render} as a PNG file, atomically. */
    public static void write(History history, Path path) throws IOException {
        Png.write(render(history), path);
    }

    private static double[] values(History history, String name) {
        return history.get(name).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
