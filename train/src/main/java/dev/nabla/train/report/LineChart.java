package dev.nabla.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One panel of line series against epochs, drawn with Java2D: a title, axes with ticks, tick
 * labels and axis labels, light grid lines, the series with a marker per point, and a legend.
 * NaN values are gaps.
 */
final class LineChart {
    private static final Color AXIS = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xE5, 0xE5, 0xE5);
    private static final int MARGIN_LEFT = 64;
    private static final int MARGIN_RIGHT = 16;
    private static final int MARGIN_TOP = 36;
    private static final int MARGIN_BOTTOM = 48;
    private static final int TICK = 5;

    /** One line: a value per epoch (epoch {@code i + 1} at index {@code i}). */
    record Series(String name, double[] values, Color color) {
    }

    private final String title;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    LineChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    LineChart add(String name, double[] values, Color color) {
        series.add(new Series(name, values, color));
        return this;
    }

    /** Draws the panel inside {@code area} of {@code g}. */
    void draw(Graphics2D g, Rectangle area) {
        Rectangle plot = new Rectangle(area.x + MARGIN_LEFT, area.y + MARGIN_TOP,
                area.width - MARGIN_LEFT - MARGIN_RIGHT, area.height - MARGIN_TOP - MARGIN_BOTTOM);
        int epochs = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        Ticks x = Ticks.covering(1, Math.max(1, epochs), 8, true);
        Ticks y = valueTicks();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(AXIS);
        centered(g, title, area.x + area.width / 2, area.y + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        drawGridAndTicks(g, plot, x, y);
        centered(g, "epoch", plot.x + plot.width / 2, plot.y + plot.height + 38);
        verticalLabel(g, yLabel, area.x + 14, plot.y + plot.height / 2);
        for (Series s : series) {
            drawSeries(g, plot, x, y, s);
        }
        drawLegend(g, plot, endsHigh(y));
    }

    /** Whether the series end in the upper half of the plot, where the legend would cover them. */
    private boolean endsHigh(Ticks y) {
        double middle = (y.min() + y.max()) / 2;
        int high = 0;
        int count = 0;
        for (Series s : series) {
            for (int i = s.values().length - 1; i >= 0; i--) {
                if (Double.isFinite(s.values()[i])) {
                    high += s.values()[i] > middle ? 1 : 0;
                    count++;
                    break;
                }
            }
        }
        return 2 * high > count;
    }

    private Ticks valueTicks() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return low > high ? Ticks.covering(0, 1, 6, false) : Ticks.covering(low, high, 6, false);
    }

    private static void drawGridAndTicks(Graphics2D g, Rectangle plot, Ticks x, Ticks y) {
        for (double v : y.values()) {
            int py = toY(plot, y, v);
            g.setColor(GRID);
            g.drawLine(plot.x, py, plot.x + plot.width, py);
            g.setColor(AXIS);
            g.drawLine(plot.x - TICK, py, plot.x, py);
            String label = y.label(v);
            g.drawString(label, plot.x - TICK - 3 - g.getFontMetrics().stringWidth(label),
                    py + g.getFontMetrics().getAscent() / 2 - 1);
        }
        for (double v : x.values()) {
            int px = toX(plot, x, v);
            g.setColor(AXIS);
            g.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + TICK);
            centered(g, x.label(v), px, plot.y + plot.height + TICK + 14);
        }
        g.setColor(AXIS);
        g.drawLine(plot.x, plot.y, plot.x, plot.y + plot.height);
        g.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
    }

    private static void drawSeries(Graphics2D g, Rectangle plot, Ticks x, Ticks y, Series s) {
        g.setColor(s.color());
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double line = new Path2D.Double();
        boolean penDown = false;
        for (int i = 0; i < s.values().length; i++) {
            double v = s.values()[i];
            if (!Double.isFinite(v)) {
                penDown = false;
                continue;
            }
            int px = toX(plot, x, i + 1);
            int py = toY(plot, y, v);
            if (penDown) {
                line.lineTo(px, py);
            } else {
                line.moveTo(px, py);
            }
            penDown = true;
            g.fill(new Ellipse2D.Double(px - 3, py - 3, 6, 6));
        }
        g.draw(line);
        g.setStroke(new BasicStroke(1f));
    }

    /** The legend in the top right corner, or the bottom right one when {@code bottom}. */
    private void drawLegend(Graphics2D g, Rectangle plot, boolean bottom) {
        FontMetrics fm = g.getFontMetrics();
        int width = series.stream().mapToInt(s -> fm.stringWidth(s.name())).max().orElse(0) + 36;
        int height = series.size() * 16 + 8;
        int left = plot.x + plot.width - width - 8;
        int top = bottom ? plot.y + plot.height - height - 8 : plot.y + 8;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(left, top, width, height);
        g.setColor(GRID.darker());
        g.drawRect(left, top, width, height);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int rowY = top + 12 + i * 16;
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            g.drawLine(left + 6, rowY - 4, left + 24, rowY - 4);
            g.setStroke(new BasicStroke(1f));
            g.setColor(AXIS);
            g.drawString(s.name(), left + 30, rowY);
        }
    }

    private static int toX(Rectangle plot, Ticks x, double v) {
        return plot.x + (int) Math.round((v - x.min()) / (x.max() - x.min()) * plot.width);
    }

    private static int toY(Rectangle plot, Ticks y, double v) {
        return plot.y + plot.height - (int) Math.round((v - y.min()) / (y.max() - y.min()) * plot.height);
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static void verticalLabel(Graphics2D g, String text, int x, int cy) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, cy);
        centered(g, text, x, cy + 4);
        g.setTransform(saved);
    }
}
