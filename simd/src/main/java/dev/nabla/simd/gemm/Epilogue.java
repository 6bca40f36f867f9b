package dev.nabla.simd.gemm;

/**
 * Work a GEMM call does on C after the product is complete, rectangle by rectangle, while the
 * rectangle is still in the cache of the thread that computed it: adding a bias, say, instead of
 * a later pass over the whole of C.
 *
 * <p>A call invokes {@link #finish} once for each rectangle of a tiling of its C, after every
 * element of that rectangle holds its final product, on the thread that finished it (any of the
 * call's threads). How C is cut into rectangles depends on the problem's shape and on the number
 * of threads, so an epilogue must be elementwise: its effect on an element must not depend on
 * which rectangle it came in.
 */
@FunctionalInterface
public interface Epilogue {

    /** Leaves C as the product. */
    Epilogue NONE = (item, row0, rows, col0, cols) -> { };

    /**
     * Finishes rows {@code [row0, row0 + rows)} and columns {@code [col0, col0 + cols)} of C for
     * batch item {@code item}.
     */
    void finish(int item, int row0, int rows, int col0, int cols);
}
