package dev.nabla.train.report;

import dev.nabla.train.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A white canvas to draw a figure on, and its PNG file, written atomically. */
final class Png {
    private Png() {
    }

    /** An RGB image of the given size; draw on it through {@link #graphics}. */
    static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** The image's graphics, cleared to white, with antialiasing for shapes and text. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Writes {@code image} as a PNG file at {@code path}, atomically. */
    static void write(BufferedImage image, Path path) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("png: no PNG writer available in this Java runtime to write " + path);
        }
        AtomicFiles.writeBytes(path, bytes.toByteArray());
    }
}
