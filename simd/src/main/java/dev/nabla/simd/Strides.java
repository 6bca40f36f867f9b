package dev.nabla.simd;

/** Packing of strided runs into contiguous scratch and back. */
final class Strides {
    private Strides() {
    }

    static void gather(float[] src, int off, int stride, int n, float[] dst) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[off + i * stride];
        }
    }

    static void gather(double[] src, int off, int stride, int n, double[] dst) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[off + i * stride];
        }
    }

    static void scatter(float[] src, float[] dst, int off, int stride, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i * stride] = src[i];
        }
    }

    static void scatter(double[] src, double[] dst, int off, int stride, int n) {
        for (int i = 0; i < n; i++) {
            dst[off + i * stride] = src[i];
        }
    }
}
