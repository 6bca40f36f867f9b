/**
 * The SIMD backend's window kernels (im2col, col2im, max and average pooling) over
 * {@code [N, C, H, W]} views: the planes {@code (n, c)} are cut into fixed chunks for the thread
 * pool, each plane is walked row by row with the views' own strides (contiguous rows are copied
 * with {@code System.arraycopy} and added or compared with vectors, other strides element by
 * element), so every layout takes the same code and results do not depend on the thread count.
 */
package dev.nabla.simd.window;
