package dev.nabla.train.report;

import dev.nabla.train.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link ConfusionMatrix} as a heat map: true classes down the side, predictions along the
 * bottom, each cell shaded by the fraction of its true class (its row) it holds and labelled
 * with its count when there is room.
 */
public final class ConfusionMatrixPlot {
    /** The width and height of the image in pixels. */
    public static final int SIZE = 600;
    private static final int LEFT = 96;
    private static final int TOP = 48;
    private static final int RIGHT = 24;
    private static final int BOTTOM = 72;
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08, 0x30, 0x6B);

    private ConfusionMatrixPlot() {
    }

    /**
     * The {@link #SIZE} by {@link #SIZE} image.
     *
     * @param classNames a name per class, or empty for the class indices
     * @throws IllegalArgumentException if {@code classNames} is neither empty nor one per class
     */
    public static BufferedImage render(ConfusionMatrix matrix, List<String> classNames) {
        int c = matrix.classes();
        if (!classNames.isEmpty() && classNames.size() != c) {
            throw new IllegalArgumentException("confusionMatrixPlot: " + classNames.size() + " class names for a "
                    + c + "-class matrix; give one name per class or none");
        }
        BufferedImage image = Png.canvas(SIZE, SIZE);
        Graphics2D g = Png.graphics(image);
        int cell = Math.max(1, Math.min((SIZE - LEFT - RIGHT) / c, (SIZE - TOP - BOTTOM) / c));
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        String title = "confusion matrix (" + matrix.total() + " samples)";
        g.drawString(title, (SIZE - g.getFontMetrics().stringWidth(title)) / 2, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, Math.min(12, cell / 2))));
        for (int t = 0; t < c; t++) {
            long support = matrix.support(t);
            for (int p = 0; p < c; p++) {
                long n = matrix.count(t, p);
                double share = support == 0 ? 0 : (double) n / support;
                Color fill = blend(share);
                g.setColor(fill);
                g.fillRect(LEFT + p * cell, TOP + t * cell, cell, cell);
                if (cell >= 18) {
                    g.setColor(share > 0.5 ? Color.WHITE : Color.DARK_GRAY);
                    center(g, Long.toString(n), LEFT + p * cell + cell / 2, TOP + t * cell + cell / 2);
                }
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, c * cell, c * cell);
        drawClassLabels(g, classNames, c, cell);
        g.dispose();
        return image;
    }

    /** Writes {@link #render} as a PNG file, atomically. */
    public static void write(ConfusionMatrix matrix, List<String> classNames, Path path) throws IOException {
        Png.write(render(matrix, classNames), path);
    }

    private static void drawClassLabels(Graphics2D g, List<String> names, int c, int cell) {
        g.setColor(Color.DARK_GRAY);
        int step = (14 + cell - 1) / cell; // a label needs about 14 pixels
        for (int k = 0; k < c; k += step) {
            String name = names.isEmpty() ? Integer.toString(k) : names.get(k);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(name, LEFT - 6 - fm.stringWidth(name), TOP + k * cell + cell / 2 + fm.getAscent() / 2 - 1);
            center(g, name, LEFT + k * cell + cell / 2, TOP + c * cell + 14);
        }
        center(g, "predicted class", LEFT + c * cell / 2, TOP + c * cell + 40);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, 20, TOP + c * cell / 2.0);
        center(g, "true class", 20, TOP + c * cell / 2 + 4);
        g.setTransform(saved);
    }

    private static Color blend(double share) {
        return new Color(mix(LOW.getRed(), HIGH.getRed(), share), mix(LOW.getGreen(), HIGH.getGreen(), share),
                mix(LOW.getBlue(), HIGH.getBlue(), share));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static void center(Graphics2D g, String text, int cx, int cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, cx - fm.stringWidth(text) / 2, cy + fm.getAscent() / 2 - 1);
    }
}
