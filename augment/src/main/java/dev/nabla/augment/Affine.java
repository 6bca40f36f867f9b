package dev.nabla.augment;

/**
 * A 2-D affine map in pixel coordinates: {@code (x, y) -> (a x + b y + c, d x + e y + f)}, where
 * {@code x} is the column and {@code y} the row, pixel centres sit at integers and {@code y}
 * grows downwards, as on screen.
 *
 * @param a the {@code x} coefficient of the new {@code x}
 * @param b the {@code y} coefficient of the new {@code x}
 * @param c the translation of the new {@code x}
 * @param d the {@code x} coefficient of the new {@code y}
 * @param e the {@code y} coefficient of the new {@code y}
 * @param f the translation of the new {@code y}
 */
public record Affine(double a, double b, double c, double d, double e, double f) {
    private static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    /** The map that leaves every point where it is. */
    public static Affine identity() {
        return IDENTITY;
    }

    /** Moves every point by {@code tx} columns (right) and {@code ty} rows (down). */
    public static Affine translation(double tx, double ty) {
        return new Affine(1, 0, tx, 0, 1, ty);
    }

    /**
     * A rotation by {@code degrees} counterclockwise as seen on screen, about the point
     * {@code (cx, cy)}. Multiples of 90 degrees use exact sines and cosines (0 and +-1), so a
     * quarter turn of a square image about its centre moves pixel centres onto pixel centres.
     */
    public static Affine rotation(double degrees, double cx, double cy) {
        double reduced = degrees % 360;
        double cos;
        double sin;
        if (reduced % 90 == 0) {
            int quarter = Math.floorMod((int) (reduced / 90), 4);
            cos = quarter == 0 ? 1 : quarter == 2 ? -1 : 0;
            sin = quarter == 1 ? 1 : quarter == 3 ? -1 : 0;
        } else {
            double radians = Math.toRadians(reduced);
            cos = Math.cos(radians);
            sin = Math.sin(radians);
        }
        // With y downwards, a counterclockwise turn sends a point right of the centre upwards.
        return about(new Affine(cos, sin, 0, -sin, cos, 0), cx, cy);
    }

    /** Scales distances from {@code (cx, cy)} by {@code sx} along x and {@code sy} along y. */
    public static Affine scaling(double sx, double sy, double cx, double cy) {
        return about(new Affine(sx, 0, 0, 0, sy, 0), cx, cy);
    }

    /** {@code linear} (whose translation is zero) conjugated to act about {@code (cx, cy)}. */
    private static Affine about(Affine linear, double cx, double cy) {
        return translation(-cx, -cy).then(linear).then(translation(cx, cy));
    }

    /** The map that applies this one, then {@code next}. */
    public Affine then(Affine next) {
        return new Affine(
                next.a * a + next.b * d, next.a * b + next.b * e, next.a * c + next.b * f + next.c,
                next.d * a + next.e * d, next.d * b + next.e * e, next.d * c + next.e * f + next.f);
    }

    /**
     * The map that undoes this one.
     *
     * @throws IllegalArgumentException if this map is singular (a zero scale, for instance)
     */
    public Affine inverse() {
        double det = a * e - b * d;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("affine: cannot invert a map with determinant " + det + ": " + this);
        }
        double ia = e / det;
        double ib = -b / det;
        double id = -d / det;
        double ie = a / det;
        return new Affine(ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f));
    }

    /** The new x of the point {@code (x, y)}. */
    public double x(double x, double y) {
        return a * x + b * y + c;
    }

    /** The new y of the point {@code (x, y)}. */
    public double y(double x, double y) {
        return d * x + e * y + f;
    }

    /** True if this map leaves every point where it is. */
    public boolean isIdentity() {
        return a == 1 && b == 0 && c == 0 && d == 0 && e == 1 && f == 0;
    }
}
