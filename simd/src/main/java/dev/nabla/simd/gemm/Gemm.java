package dev.nabla.simd.gemm;

/**
 * General matrix multiply for float and double arrays: {@code C = (accumulate ? C : 0) + A @ B}.
 *
 * <p>Shapes: A is {@code m x k}, B is {@code k x n}, C is {@code m x n}. A and B are read through
 * arbitrary strides: element {@code A[i, p]} is {@code a[aOffset + i * aRowStride + p * aColStride]}
 * and {@code B[p, j]} is {@code b[bOffset + p * bRowStride + j * bColStride]}, so a transposed
 * operand is passed by swapping its strides, never copied. C has contiguous columns:
 * {@code C[i, j]} is {@code c[cOffset + i * cRowStride + j]}. Only C is modified, and only its
 * {@code m x n} elements; C must not overlap A or B. The batched forms add a batch index {@code t}
 * in {@code [0, batch)} and a batch stride per operand ({@code 0} broadcasts that operand).
 *
 * <p>Every call computes each element of C with the same sequence of fused multiply-adds, so the
 * parallel forms give the same bits for any number of threads, and the same bits as the serial
 * forms. Results depend on the vector width ({@link dev.nabla.simd.SimdConfig}). The batched forms
 * take an {@link Epilogue} that finishes each rectangle of C once its product is complete.
 *
 * @see GemmJob for the blocking
 */
public final class Gemm {

    private Gemm() {
    }

    /** Float GEMM on the calling thread; see the class documentation for shapes and strides. */
    public static void sgemm(int m, int n, int k,
                             float[] a, int aOffset, int aRowStride, int aColStride,
                             float[] b, int bOffset, int bRowStride, int bColStride,
                             float[] c, int cOffset, int cRowStride, boolean accumulate) {
        sgemm(m, n, k, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                c, cOffset, cRowStride, accumulate, Parallel.SERIAL);
    }

    /** Float GEMM whose tasks run on {@code par}; same bits as the serial form. */
    public static void sgemm(int m, int n, int k,
                             float[] a, int aOffset, int aRowStride, int aColStride,
                             float[] b, int bOffset, int bRowStride, int bColStride,
                             float[] c, int cOffset, int cRowStride, boolean accumulate,
                             Parallel par) {
        sgemmBatched(1, m, n, k, a, aOffset, 0, aRowStride, aColStride,
                b, bOffset, 0, bRowStride, bColStride, c, cOffset, 0, cRowStride, accumulate, par, Epilogue.NONE);
    }

    /**
     * Batched float GEMM {@code C[t] = (accumulate ? C[t] : 0) + A[t] @ B[t]} for {@code t} in
     * {@code [0, batch)}, A {@code [batch, m, k]}, B {@code [batch, k, n]}, C {@code [batch, m, n]},
     * where item {@code t} of an operand starts at its offset plus {@code t} times its batch stride.
     * Tasks over batch items and blocks of C run on {@code par}; {@code epilogue} finishes C's
     * rectangles as they are completed.
     */
    public static void sgemmBatched(int batch, int m, int n, int k,
                                    float[] a, int aOffset, int aBatchStride, int aRowStride, int aColStride,
                                    float[] b, int bOffset, int bBatchStride, int bRowStride, int bColStride,
                                    float[] c, int cOffset, int cBatchStride, int cRowStride,
                                    boolean accumulate, Parallel par, Epilogue epilogue) {
        check("sgemm", batch, m, n, k, a == null ? -1 : a.length, aOffset, aBatchStride, aRowStride, aColStride,
                b == null ? -1 : b.length, bOffset, bBatchStride, bRowStride, bColStride,
                c == null ? -1 : c.length, cOffset, cBatchStride, cRowStride);
        new F32Gemm(batch, m, n, k, a, aOffset, aBatchStride, aRowStride, aColStride,
                b, bOffset, bBatchStride, bRowStride, bColStride,
                c, cOffset, cBatchStride, cRowStride, accumulate).run(par, epilogue);
    }

    /** Double GEMM on the calling thread; see the class documentation for shapes and strides. */
    public static void dgemm(int m, int n, int k,
                             double[] a, int aOffset, int aRowStride, int aColStride,
                             double[] b, int bOffset, int bRowStride, int bColStride,
                             double[] c, int cOffset, int cRowStride, boolean accumulate) {
        dgemm(m, n, k, a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                c, cOffset, cRowStride, accumulate, Parallel.SERIAL);
    }

    /** Double GEMM whose tasks run on {@code par}; same bits as the serial form. */
    public static void dgemm(int m, int n, int k,
                             double[] a, int aOffset, int aRowStride, int aColStride,
                             double[] b, int bOffset, int bRowStride, int bColStride,
                             double[] c, int cOffset, int cRowStride, boolean accumulate,
                             Parallel par) {
        dgemmBatched(1, m, n, k, a, aOffset, 0, aRowStride, aColStride,
                b, bOffset, 0, bRowStride, bColStride, c, cOffset, 0, cRowStride, accumulate, par, Epilogue.NONE);
    }

    /** Batched double GEMM; the mirror of {@link #sgemmBatched}. */
    public static void dgemmBatched(int batch, int m, int n, int k,
                                    double[] a, int aOffset, int aBatchStride, int aRowStride, int aColStride,
                                    double[] b, int bOffset, int bBatchStride, int bRowStride, int bColStride,
                                    double[] c, int cOffset, int cBatchStride, int cRowStride,
                                    boolean accumulate, Parallel par, Epilogue epilogue) {
        check("dgemm", batch, m, n, k, a == null ? -1 : a.length, aOffset, aBatchStride, aRowStride, aColStride,
                b == null ? -1 : b.length, bOffset, bBatchStride, bRowStride, bColStride,
                c == null ? -1 : c.length, cOffset, cBatchStride, cRowStride);
        new F64Gemm(batch, m, n, k, a, aOffset, aBatchStride, aRowStride, aColStride,
                b, bOffset, bBatchStride, bRowStride, bColStride,
                c, cOffset, cBatchStride, cRowStride, accumulate).run(par, epilogue);
    }

    private static void check(String op, int batch, int m, int n, int k,
                              int aLength, int aOffset, int aBatchStride, int aRowStride, int aColStride,
                              int bLength, int bOffset, int bBatchStride, int bRowStride, int bColStride,
                              int cLength, int cOffset, int cBatchStride, int cRowStride) {
        if (batch < 0 || m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": sizes must not be negative, got batch=" + batch
                    + " m=" + m + " n=" + n + " k=" + k);
        }
        if (m > 1 && Math.abs((long) cRowStride) < n) {
            throw new IllegalArgumentException(op + ": C rows overlap: |cRowStride|=" + Math.abs((long) cRowStride)
                    + " must be at least n=" + n);
        }
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        if (k > 0) {
            checkRange(op, "a", aLength, aOffset, batch, aBatchStride, m, aRowStride, k, aColStride);
            checkRange(op, "b", bLength, bOffset, batch, bBatchStride, k, bRowStride, n, bColStride);
        }
        checkRange(op, "c", cLength, cOffset, batch, cBatchStride, m, cRowStride, n, 1);
    }

    private static void checkRange(String op, String name, int length, int offset,
                                   int d0, int s0, int d1, int s1, int d2, int s2) {
        if (length < 0) {
            throw new IllegalArgumentException(op + ": " + name + " is null");
        }
        long lo = offset;
        long hi = offset;
        long[] spans = {(long) (d0 - 1) * s0, (long) (d1 - 1) * s1, (long) (d2 - 1) * s2};
        for (long span : spans) {
            lo += Math.min(0, span);
            hi += Math.max(0, span);
        }
        if (lo < 0 || hi >= length) {
            throw new IllegalArgumentException(op + ": " + name + "[" + d0 + ", " + d1 + ", " + d2
                    + "] with offset " + offset + " and strides [" + s0 + ", " + s1 + ", " + s2
                    + "] reaches indices [" + lo + ", " + hi + "] outside an array of length " + length);
        }
    }
}
