package dev.nabla.augment;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * A PNG grid of augmented samples, for checking augmentation by looking at it: one row per
 * sample, the original in the first column and a different augmentation in each further column.
 * Column {@code k >= 1} shows what epoch {@code k - 1} of a {@link DataLoader} with the same seed
 * would give that sample.
 *
 * <p>Values are mapped to grey levels (one channel) or RGB (three channels) linearly from the
 * smallest to the largest value in the whole grid, so brightness changes stay visible whatever
 * the value range ({@code 0..255}, {@code 0..1} or standardized).
 */
public final class AugmentPreview {
    /** Pixels between cells. */
    static final int GAP = 2;
    private static final int GAP_RGB = 0x606060;
    /** Automatic scaling makes the largest side of a cell about this many pixels. */
    private static final int CELL_PIXELS = 96;

    private AugmentPreview() {
    }

    /**
     * Writes a grid of {@code rows} samples (spread evenly over the data set) and {@code cols}
     * columns with seed 0, at {@link #autoScale}.
     *
     * @throws IOException if the file cannot be written (no partial file is left)
     * @throws IllegalArgumentException as {@link #render}
     */
    public static void write(Dataset dataset, ImageTransform transform, int rows, int cols, Path file)
            throws IOException {
        write(dataset, transform, rows, cols, autoScale(dataset), 0, file);
    }

    /**
     * Screen pixels per image pixel that make a cell about 96 pixels across, judged by sample 0
     * ({@code [C, H, W]}): 12 for 8x8 digits, 3 for 28x28, 1 from 96x96 up.
     */
    public static int autoScale(Dataset dataset) {
        Tensor first = dataset.get(0).features();
        return Math.max(1, CELL_PIXELS / Math.max(first.dim(-1), first.dim(-2)));
    }

    /**
     * Writes {@link #render} as a PNG, atomically (a temporary file next to {@code file} is renamed
     * over it).
     *
     * @throws IOException if the file cannot be written (no partial file is left)
     */
    public static void write(Dataset dataset, ImageTransform transform, int rows, int cols, int scale, long seed,
            Path file) throws IOException {
        BufferedImage grid = render(dataset, transform, rows, cols, scale, seed);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            ImageIO.write(grid, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The grid as an image: {@code cols} cells across and {@code rows} down, each
     * {@code scale * W} by {@code scale * H} pixels for the largest image {@code [C, H, W]} drawn,
     * with {@value #GAP} pixels between cells and around the edge.
     *
     * @param dataset   samples with {@code [1, H, W]} or {@code [3, H, W]} features
     * @param transform applied with {@link DataLoader#sampleRng}{@code (seed, column - 1, index)}
     * @param rows      samples shown, at least 1 and at most the data set size
     * @param cols      columns, at least 2: the original and {@code cols - 1} augmentations
     * @param scale     screen pixels per image pixel, at least 1
     * @throws IllegalArgumentException if a count is out of range or an image has other than 1 or 3 channels
     */
    public static BufferedImage render(Dataset dataset, ImageTransform transform, int rows, int cols, int scale,
            long seed) {
        if (rows < 1 || rows > dataset.size() || cols < 2 || scale < 1) {
            throw new IllegalArgumentException("augmentPreview: need 1 <= rows <= " + dataset.size()
                    + " (the data set size), cols >= 2 and scale >= 1, got rows=" + rows + " cols=" + cols
                    + " scale=" + scale);
        }
        HostImage[][] cells = new HostImage[rows][cols];
        for (int r = 0; r < rows; r++) {
            int index = (int) ((long) r * dataset.size() / rows);
            HostImage original = HostImage.of(dataset.get(index).features());
            cells[r][0] = original;
            for (int c = 1; c < cols; c++) {
                cells[r][c] = transform.apply(original, DataLoader.sampleRng(seed, c - 1, index));
            }
        }
        return draw(cells, scale);
    }

    private static BufferedImage draw(HostImage[][] cells, int scale) {
        int cellHeight = 0;
        int cellWidth = 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (HostImage[] row : cells) {
            for (HostImage cell : row) {
                if (cell.channels() != 1 && cell.channels() != 3) {
                    throw new IllegalArgumentException("augmentPreview: can draw images of 1 or 3 channels, got "
                            + cell.shape());
                }
                cellHeight = Math.max(cellHeight, cell.height() * scale);
                cellWidth = Math.max(cellWidth, cell.width() * scale);
                for (float v : cell.data()) {
                    lo = v < lo ? v : lo;   // comparisons skip NaN
                    hi = v > hi ? v : hi;
                }
            }
        }
        int rows = cells.length;
        int cols = cells[0].length;
        BufferedImage image = new BufferedImage(GAP + cols * (cellWidth + GAP), GAP + rows * (cellHeight + GAP),
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, GAP_RGB);
            }
        }
        float range = hi > lo ? hi - lo : 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                paint(image, cells[r][c], GAP + c * (cellWidth + GAP), GAP + r * (cellHeight + GAP), scale, lo, range);
            }
        }
        return image;
    }

    private static void paint(BufferedImage image, HostImage cell, int left, int top, int scale, float lo, float range) {
        int green = cell.channels() == 3 ? 1 : 0;
        int blue = cell.channels() == 3 ? 2 : 0;
        for (int y = 0; y < cell.height(); y++) {
            for (int x = 0; x < cell.width(); x++) {
                int rgb = level(cell.get(0, y, x), lo, range) << 16 | level(cell.get(green, y, x), lo, range) << 8
                        | level(cell.get(blue, y, x), lo, range);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(float v, float lo, float range) {
        return Math.round(255 * Math.max(0, Math.min(1, (v - lo) / range)));
    }
}
