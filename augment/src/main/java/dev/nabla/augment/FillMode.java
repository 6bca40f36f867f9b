package dev.nabla.augment;

import java.util.Locale;

/**
 * What a transform reads where it samples outside the image, with Keras's names and meanings.
 * For a row {@code abcd}:
 *
 * <pre>
 * CONSTANT  kkkkkkkk|abcd|kkkkkkkk   (k is the fill value)
 * NEAREST   aaaaaaaa|abcd|dddddddd
 * REFLECT   abcddcba|abcd|dcbaabcd   (the edge pixel repeats: Keras's and scipy's "reflect",
 *                                     numpy's and torchvision's "symmetric")
 * WRAP      abcdabcd|abcd|abcdabcd
 * </pre>
 *
 * <p>Bilinear sampling reads the four pixels around a point; each of those reads goes through
 * {@link #index}, so an interpolated value next to the border blends the pixel inside with the
 * value the mode gives outside.
 */
public enum FillMode {
    /** Outside reads the fill value. */
    CONSTANT,
    /** Outside reads the nearest edge pixel. */
    NEAREST,
    /** Outside mirrors the image about its edges, the edge pixel included ({@code dcba|abcd}). */
    REFLECT,
    /** Outside repeats the image periodically. */
    WRAP;

    /**
     * The index inside {@code [0, n)} that position {@code i} reads, or -1 for the fill value
     * ({@link #CONSTANT} only).
     *
     * @param i a pixel index along an axis, any integer
     * @param n the axis length, at least 1
     */
    public int index(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case CONSTANT -> -1;
            case NEAREST -> i < 0 ? 0 : n - 1;
            case REFLECT -> {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                yield m < n ? m : period - 1 - m;
            }
            case WRAP -> Math.floorMod(i, n);
        };
    }

    /**
     * The mode named {@code name}, ignoring case ({@code "constant"}, {@code "nearest"},
     * {@code "reflect"}, {@code "wrap"}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static FillMode parse(String name) {
        for (FillMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("fill mode: unknown '" + name + "', expected one of "
                + "constant, nearest, reflect, wrap");
    }

    /** The lower-case name, as Keras writes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
