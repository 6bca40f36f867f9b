package dev.nabla.augment;

/**
 * The two ways transforms read pixels: bilinear sampling through an inverse affine map, and an
 * integer window that may reach outside the image. Both loop over plain float arrays; reads
 * outside the image go through {@link FillMode#index}.
 */
final class Sampler {
    /** Sample positions are clamped to this distance so that an extreme map cannot overflow an int. */
    private static final double FAR = 1 << 28;

    private Sampler() {
    }

    /**
     * Resamples {@code src} bilinearly: output pixel {@code (x, y)} takes the value at the point
     * {@code outputToInput(x, y)} of {@code src}. The output has the same shape as {@code src}.
     * An integer point reads one pixel exactly.
     *
     * @param src           {@code [C, H, W]}, not modified
     * @param outputToInput the inverse of the transform's map
     * @param fill          what reads outside the image give
     * @param fillValue     the value for {@link FillMode#CONSTANT}
     * @return a new {@code [C, H, W]} image
     */
    static HostImage bilinear(HostImage src, Affine outputToInput, FillMode fill, float fillValue) {
        int channels = src.channels();
        int height = src.height();
        int width = src.width();
        int plane = src.planeSize();
        float[] in = src.data();
        float[] out = new float[in.length];
        Affine m = outputToInput;
        for (int y = 0; y < height; y++) {
            double rowX = m.b() * y + m.c();
            double rowY = m.e() * y + m.f();
            for (int x = 0; x < width; x++) {
                double px = clamp(m.a() * x + rowX);
                double py = clamp(m.d() * x + rowY);
                int x0 = floor(px);
                int y0 = floor(py);
                float tx = (float) (px - x0);
                float ty = (float) (py - y0);
                int o = y * width + x;
                if (x0 >= 0 && y0 >= 0 && x0 < width - 1 && y0 < height - 1) {
                    int i = y0 * width + x0;
                    for (int c = 0, p = 0; c < channels; c++, p += plane) {
                        out[p + o] = lerp2(in[p + i], in[p + i + 1], in[p + i + width], in[p + i + width + 1], tx, ty);
                    }
                } else {
                    int ix0 = fill.index(x0, width);
                    int ix1 = fill.index(x0 + 1, width);
                    int iy0 = fill.index(y0, height);
                    int iy1 = fill.index(y0 + 1, height);
                    for (int c = 0, p = 0; c < channels; c++, p += plane) {
                        out[p + o] = lerp2(read(in, p, iy0, ix0, width, fillValue), read(in, p, iy0, ix1, width, fillValue),
                                read(in, p, iy1, ix0, width, fillValue), read(in, p, iy1, ix1, width, fillValue), tx, ty);
                    }
                }
            }
        }
        return new HostImage(out, channels, height, width);
    }

    /**
     * The window of {@code src} with top-left corner at row {@code top}, column {@code left} (either
     * may be negative or run past the far edge) and size {@code height x width}.
     *
     * @param src {@code [C, H, W]}, not modified
     * @return a new {@code [C, height, width]} image
     */
    static HostImage window(HostImage src, int top, int left, int height, int width, FillMode fill, float fillValue) {
        int channels = src.channels();
        int srcWidth = src.width();
        int plane = src.planeSize();
        float[] in = src.data();
        float[] out = new float[channels * height * width];
        int[] columns = new int[width];
        for (int x = 0; x < width; x++) {
            columns[x] = fill.index(left + x, srcWidth);
        }
        for (int y = 0; y < height; y++) {
            int row = fill.index(top + y, src.height());
            for (int c = 0; c < channels; c++) {
                int o = (c * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[o + x] = read(in, c * plane, row, columns[x], srcWidth, fillValue);
                }
            }
        }
        return new HostImage(out, channels, height, width);
    }

    private static float read(float[] in, int planeStart, int row, int column, int width, float fillValue) {
        return row < 0 || column < 0 ? fillValue : in[planeStart + row * width + column];
    }

    /** Bilinear interpolation written as lerps, so equal neighbours give their value exactly. */
    private static float lerp2(float v00, float v01, float v10, float v11, float tx, float ty) {
        float top = v00 + tx * (v01 - v00);
        float bottom = v10 + tx * (v11 - v10);
        return top + ty * (bottom - top);
    }

    /** {@code Math.floor} for values within the int range, without the call. */
    private static int floor(double v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static double clamp(double coordinate) {
        return Math.max(-FAR, Math.min(FAR, coordinate));
    }
}
