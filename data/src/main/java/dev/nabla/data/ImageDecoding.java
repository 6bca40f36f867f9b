package dev.nabla.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads image files through {@code javax.imageio} into {@code [C, H, W]} float planes, values {@code 0..255}. */
final class ImageDecoding {
    private ImageDecoding() {
    }

    /**
     * Checks that a reader recognises the file and can read its size, without decoding the pixels.
     *
     * @throws IOException saying why the file is unreadable
     */
    static void probe(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unrecognised(file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
                    throw new IOException("the image has no pixels");
                }
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // Some ImageIO plugins throw unchecked exceptions on malformed headers.
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's pixels as {@code [mode.channels(), H, W]}, row-major, values {@code 0..255}.
     *
     * @throws IOException saying why the file is unreadable
     */
    static Planes read(Path file, ColorMode mode) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw unrecognised(file);
        }
        return toPlanes(image, mode);
    }

    /** {@code image} as {@code [mode.channels(), H, W]} planes, values {@code 0..255}. */
    static Planes toPlanes(BufferedImage image, ColorMode mode) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        float[] out = new float[mode.channels() * n];
        if (isGray(image.getColorModel())) {
            // getRGB would pass gray values through a linear-to-sRGB conversion and change them.
            Raster raster = image.getRaster();
            double scale = 255.0 / ((1 << image.getColorModel().getComponentSize(0)) - 1);
            int[] gray = raster.getSamples(0, 0, w, h, 0, new int[n]);
            for (int c = 0; c < mode.channels(); c++) {
                for (int i = 0; i < n; i++) {
                    out[c * n + i] = (float) (gray[i] * scale);
                }
            }
            return new Planes(out, mode.channels(), h, w);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < n; i++) {
            int r = (argb[i] >> 16) & 0xFF;
            int g = (argb[i] >> 8) & 0xFF;
            int b = argb[i] & 0xFF;
            if (mode == ColorMode.GRAYSCALE) {
                out[i] = 0.299f * r + 0.587f * g + 0.114f * b;
            } else {
                out[i] = r;
                out[n + i] = g;
                out[2 * n + i] = b;
            }
        }
        return new Planes(out, mode.channels(), h, w);
    }

    private static boolean isGray(ColorModel model) {
        return !(model instanceof IndexColorModel) && model.getNumColorComponents() == 1
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static IOException unrecognised(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < read; i++) {
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", head[i] & 0xFF));
        }
        return new IOException(read == 0 ? "the file is empty"
                : "no javax.imageio reader recognises the file (first bytes " + hex + ")");
    }

    /**
     * Decoded pixels.
     *
     * @param values {@code [channels, height, width]}, row-major
     */
    record Planes(float[] values, int channels, int height, int width) {
        /** These planes resized to {@code [channels, outH, outW]}. */
        Planes resize(int outH, int outW, ResizeMethod method) {
            return new Planes(Resampler.resize(values, channels, height, width, outH, outW, method), channels, outH, outW);
        }
    }
}
