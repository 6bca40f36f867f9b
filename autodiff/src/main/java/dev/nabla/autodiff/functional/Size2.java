package dev.nabla.autodiff.functional;

/**
 * A (height, width) pair of window settings: a kernel size, stride, padding, dilation or output
 * size, as PyTorch's {@code int or (int, int)} arguments. Values are checked where they are used.
 */
public record Size2(int h, int w) {

    /** The same value for height and width. */
    public static Size2 of(int both) {
        return new Size2(both, both);
    }

    /** Height {@code h} and width {@code w}. */
    public static Size2 of(int h, int w) {
        return new Size2(h, w);
    }

    /** True when height and width agree. */
    public boolean isSquare() {
        return h == w;
    }

    /** As a Python tuple, {@code (3, 5)}. */
    @Override
    public String toString() {
        return "(" + h + ", " + w + ")";
    }

    /** {@code 3} when square, else {@code (3, 5)}: as PyTorch prints a size given as an int or a tuple. */
    public String toCompactString() {
        return isSquare() ? Integer.toString(h) : toString();
    }
}
