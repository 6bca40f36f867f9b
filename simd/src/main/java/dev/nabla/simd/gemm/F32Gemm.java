package dev.nabla.simd.gemm;

import dev.nabla.simd.SimdConfig;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float GEMM: packing routines and the register-blocked micro-kernel for {@link GemmJob}.
 *
 * <p>{@link F64Gemm} mirrors this file line for line with doubles. The Vector API has no generic
 * vector over a primitive type ({@code FloatVector} and {@code DoubleVector} share no usable
 * supertype that C2 can keep in registers), so the kernel cannot be written once; what does not
 * touch elements lives in {@link GemmJob}.
 *
 * <p>The micro-kernel computes an {@code MR x NR} tile of C, {@code MR = 8} rows by
 * {@code NR = 2} vectors, in 16 accumulators held in local variables: per step of the shared
 * dimension it loads two vectors of a packed B row, broadcasts each of the 8 packed A elements
 * and issues 16 FMAs. With AVX-512 that is 16 of the 32 vector registers, and 16 independent FMA
 * chains, enough to hide the FMA latency on two pipes. A sliver no wider than one vector (the
 * last columns of C, or all of a C as narrow as a classifier's ten outputs) takes a half kernel,
 * {@code MR x V} in 8 accumulators, instead of multiplying a vector of padding.
 */
final class F32Gemm extends GemmJob<F32Gemm.Panels> {

    static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    static final int V = S.length();
    static final int MR = 8;
    static final int NR = 2 * V;
    /**
     * kc x NR floats of a B sliver (48 KiB with AVX-512) fill a 48 KiB L1; with the A micro-panel
     * streaming beside it this measured faster than 256 (32 KiB) at 2048^3 (about 190 against 170
     * GFLOP/s on Zen 5) and the same at 1024^3.
     */
    static final int KC = 384;
    /** MC x KC floats of A rows (192 KiB) stay in L2. */
    static final int MC = 128;
    /** KC x NC floats of a B panel (6 MiB) stay in L3. */
    static final int NC = 4096;
    /** Rows of A packed at once, bounding the packed A buffer. */
    static final int MS = 8192;
    /** Elements of packed panels a call may hold (64 MiB), bounding batch groups. */
    static final long BUDGET = 16L << 20;

    private static final ThreadLocal<Panels[]> PANELS =
            ThreadLocal.withInitial(() -> new Panels[] {new Panels(), new Panels()});

    private final float[] a;
    private final float[] b;
    private final float[] c;

    F32Gemm(int batch, int m, int n, int k,
            float[] a, int aOffset, int aBatchStride, int aRowStride, int aColStride,
            float[] b, int bOffset, int bBatchStride, int bRowStride, int bColStride,
            float[] c, int cOffset, int cBatchStride, int cRowStride, boolean accumulate) {
        super(batch, m, n, k, aOffset, aBatchStride, aRowStride, aColStride,
                bOffset, bBatchStride, bRowStride, bColStride, cOffset, cBatchStride, cRowStride,
                accumulate, MR, NR, KC, MC, NC, MS, BUDGET, Float.BYTES);
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /**
     * Packed buffers, cached per thread across calls, two per thread: a call may hold a shared A
     * panel while its tasks on the same thread take their own. A thread waiting for its tasks may
     * run a task of another call, so a busy cached buffer is never shared: the newcomer allocates.
     *
     * <p>Where the heap places {@code b} matters: with 512-bit vectors, packed B slivers whose
     * rows start 32 or 48 bytes past a cache line made 1024^3 run at about 120 GFLOP/s instead of
     * 200 when measured on Zen 5 (0 or 16 bytes past were fast). Java gives no array address to
     * align to, so the speed of a run depends on where its buffer landed; running the JVM with
     * {@code -XX:ObjectAlignmentInBytes=64} fixes the offset at 16 bytes, a fast case.
     */
    static final class Panels {
        float[] a = new float[0];
        float[] b = new float[0];
        boolean busy;
    }

    @Override
    Panels acquirePanels(int aLength, int bLength) {
        Panels p = null;
        for (Panels cached : PANELS.get()) {
            if (!cached.busy) {
                p = cached;
                break;
            }
        }
        if (p == null) {
            p = new Panels();
        }
        if (p.a.length < aLength) {
            p.a = new float[aLength];
        }
        if (p.b.length < bLength) {
            p.b = new float[bLength];
        }
        p.busy = true;
        return p;
    }

    @Override
    void releasePanels(Panels panels) {
        panels.busy = false;
    }

    @Override
    void zeroC(int item) {
        int base = cOffset + item * cBatchStride;
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(c, base + i * cRowStride, base + i * cRowStride + n, 0f);
        }
    }

    @Override
    void packB(Panels panels, int item, int slot, int pc, int kc, int jc, int nc, int s0, int s1) {
        float[] bp = panels.b;
        int src0 = bOffset + item * bBatchStride + pc * bRowStride;
        int panel = slot * kc * roundUp(nc, NR);
        int full = bColStride == 1 ? Math.min(s1, (n - jc) / NR) : s0;
        if (full > s0) {
            // Rows of B are contiguous: read each row once across all full slivers.
            for (int p = 0; p < kc; p++) {
                int src = src0 + p * bRowStride + jc + s0 * NR;
                int dst = panel + s0 * kc * NR + p * NR;
                for (int s = s0; s < full; s++, src += NR, dst += kc * NR) {
                    FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                    FloatVector.fromArray(S, b, src + V).intoArray(bp, dst + V);
                }
            }
        }
        for (int s = Math.max(s0, full); s < s1; s++) {
            int j0 = jc + s * NR;
            int cols = Math.min(NR, n - j0);
            int dst = panel + s * kc * NR;
            int src = src0 + j0 * bColStride;
            if (cols < NR) {
                java.util.Arrays.fill(bp, dst, dst + kc * NR, 0f);
            }
            if (bRowStride == 1) {
                // Columns of B are contiguous. Indices linear in the loop index with constant
                // factors let the compiler drop the bounds checks, twice as fast as the loop below;
                // four columns per pass write four adjacent elements per step, half as fast again.
                // (A 16 x 16 transpose with vector shuffles ran at half the speed of this loop.)
                int j = 0;
                for (; j + 4 <= cols; j += 4) {
                    int c0 = src + j * bColStride;
                    int c1 = c0 + bColStride;
                    int c2 = c1 + bColStride;
                    int c3 = c2 + bColStride;
                    int dj = dst + j;
                    for (int p = 0; p < kc; p++) {
                        int d = dj + p * NR;
                        bp[d] = b[c0 + p];
                        bp[d + 1] = b[c1 + p];
                        bp[d + 2] = b[c2 + p];
                        bp[d + 3] = b[c3 + p];
                    }
                }
                for (; j < cols; j++) {
                    int sj = src + j * bColStride;
                    int dj = dst + j;
                    for (int p = 0; p < kc; p++) {
                        bp[dj + p * NR] = b[sj + p];
                    }
                }
            } else if (Math.abs(bRowStride) <= Math.abs(bColStride)) {
                for (int j = 0; j < cols; j++) {
                    int sj = src + j * bColStride;
                    int dj = dst + j;
                    for (int p = 0; p < kc; p++, sj += bRowStride, dj += NR) {
                        bp[dj] = b[sj];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, src += bRowStride, dst += NR) {
                    for (int j = 0; j < cols; j++) {
                        bp[dst + j] = b[src + j * bColStride];
                    }
                }
            }
        }
    }

    @Override
    void packA(Panels panels, int item, int slot, int i0, int ms, int pc, int kc, int p0, int p1) {
        float[] ap = panels.a;
        int src0 = aOffset + item * aBatchStride + pc * aColStride;
        int panel = slot * kc * roundUp(ms, MR);
        for (int q = p0; q < p1; q++) {
            int r0 = q * MR;
            int rows = Math.min(MR, ms - r0);
            int dst = panel + q * kc * MR;
            int src = src0 + (i0 + r0) * aRowStride;
            if (rows < MR) {
                java.util.Arrays.fill(ap, dst, dst + kc * MR, 0f);
            }
            if (aColStride == 1) {
                // Rows of A are contiguous: the micro-panel keeps them as rows, kc apart, for
                // kernelRows; a row is one bulk copy instead of kc scattered stores.
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(a, src + r * aRowStride, ap, dst + r * kc, kc);
                }
            } else if (aRowStride == 1 && rows == MR) {
                // Columns of A are contiguous: each step copies MR adjacent elements.
                for (int p = 0; p < kc; p++, src += aColStride, dst += MR) {
                    System.arraycopy(a, src, ap, dst, MR);
                }
            } else if (Math.abs(aColStride) <= Math.abs(aRowStride)) {
                for (int r = 0; r < rows; r++) {
                    int sr = src + r * aRowStride;
                    int dr = dst + r;
                    for (int p = 0; p < kc; p++, sr += aColStride, dr += MR) {
                        ap[dr] = a[sr];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, src += aColStride, dst += MR) {
                    for (int r = 0; r < rows; r++) {
                        ap[dst + r] = a[src + r * aRowStride];
                    }
                }
            }
        }
    }

    @Override
    void compute(Panels aPanels, Panels bPanels, int item, int aSlot, int bSlot, int i0, int ms, int r0, int r1,
                 int jc, int nc, int s0, int s1, int pc, int kc, boolean load, boolean aDirect, boolean bDirect) {
        int aPanel = aSlot * kc * roundUp(ms, MR);
        int bPanel = bSlot * kc * roundUp(nc, NR);
        int aRows = aOffset + item * aBatchStride + i0 * aRowStride + pc;
        int bRows = bOffset + item * bBatchStride + pc * bRowStride + jc;
        int cBase = cOffset + item * cBatchStride + (i0 * cRowStride) + jc;
        float[] tile = null;
        for (int s = s0; s < s1; s++) {
            int cols = Math.min(NR, nc - s * NR);
            // Full tiles read a direct operand in place; edge panels were packed like the rest.
            boolean bIn = bDirect && cols == NR;
            float[] bs = bIn ? b : bPanels.b;
            int bi = bIn ? bRows + s * NR : bPanel + s * kc * NR;
            int bStep = bIn ? bRowStride : NR;
            for (int r = r0; r < r1; r += MR) {
                int rows = Math.min(MR, r1 - r);
                boolean aIn = aDirect && rows == MR;
                int ai = aIn ? aRows + r * aRowStride : aPanel + (r / MR) * kc * MR;
                int ci = cBase + r * cRowStride + s * NR;
                boolean half = cols <= V;
                if (rows == MR && (cols == NR || cols == V)) {
                    tile(kc, aIn ? a : aPanels.a, ai, aIn, bs, bi, bStep, c, ci, cRowStride, load, half);
                } else {
                    if (tile == null) {
                        tile = new float[MR * NR];
                    }
                    edge(kc, aIn ? a : aPanels.a, ai, aIn, bs, bi, bStep, ci, rows, cols, load, half, tile);
                }
            }
        }
    }

    /**
     * One full tile, or its first vector of columns only when {@code half}, with A in place
     * ({@code aIn}, rows {@code aRowStride} apart) or packed: by rows {@code kc} apart when A's
     * rows are contiguous (see {@link #packA}), else by columns.
     */
    private void tile(int kc, float[] as, int ai, boolean aIn, float[] bs, int bi, int bStep,
                      float[] cs, int ci, int ldc, boolean load, boolean half) {
        int lda = aIn ? aRowStride : kc;
        if (aIn || aColStride == 1) {
            if (half) {
                kernelRowsHalf(kc, as, ai, lda, bs, bi, bStep, cs, ci, ldc, load);
            } else {
                kernelRows(kc, as, ai, lda, bs, bi, bStep, cs, ci, ldc, load);
            }
        } else if (half) {
            kernelHalf(kc, as, ai, bs, bi, bStep, cs, ci, ldc, load);
        } else {
            kernel(kc, as, ai, bs, bi, bStep, cs, ci, ldc, load);
        }
    }

    /**
     * A tile cut by the edge of C: computed whole in {@code tile} (its first vector of columns
     * when {@code half}), then its valid part copied.
     */
    private void edge(int kc, float[] as, int ai, boolean aIn, float[] bs, int bi, int bStep, int ci,
                      int rows, int cols, boolean load, boolean half, float[] tile) {
        for (int i = 0; i < rows; i++) {
            if (load) {
                System.arraycopy(c, ci + i * cRowStride, tile, i * NR, cols);
            }
        }
        tile(kc, as, ai, aIn, bs, bi, bStep, tile, 0, NR, load, half);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tile, i * NR, c, ci + i * cRowStride, cols);
        }
    }

    /**
     * {@code C[ci + i * ldc + j] = (load ? C[..] : 0) + sum over p of A[i, p] * B[p, j]} for the
     * {@code MR x NR} tile, with A packed at {@code ai} ({@code MR} elements per step) and row
     * {@code p} of B at {@code bp[bi + p * bStep]} (packed: {@code bStep = NR}; in place: B's row
     * stride).
     */
    static void kernel(int kc, float[] ap, int ai, float[] bp, int bi, int bStep, float[] c, int ci, int ldc,
                       boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, c, ci);
            c01 = FloatVector.fromArray(S, c, ci + V);
            c10 = FloatVector.fromArray(S, c, ci + ldc);
            c11 = FloatVector.fromArray(S, c, ci + ldc + V);
            c20 = FloatVector.fromArray(S, c, ci + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + V);
            c30 = FloatVector.fromArray(S, c, ci + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + V);
            c40 = FloatVector.fromArray(S, c, ci + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, ci + 4 * ldc + V);
            c50 = FloatVector.fromArray(S, c, ci + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, ci + 5 * ldc + V);
            c60 = FloatVector.fromArray(S, c, ci + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, ci + 6 * ldc + V);
            c70 = FloatVector.fromArray(S, c, ci + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, ci + 7 * ldc + V);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * bStep;
            int ao = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + V);
            FloatVector x = FloatVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[ao + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[ao + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + V);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + V);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + V);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + V);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + V);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + V);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + V);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + V);
    }

    /**
     * {@link #kernel} with A read in place from rows of contiguous elements: {@code A[i, p]} is
     * {@code ap[ai + i * lda + p]}. The row starts are loop invariants and {@code p} the loop
     * index, so the compiler proves every A read in bounds once, before the loop.
     */
    static void kernelRows(int kc, float[] ap, int ai, int lda, float[] bp, int bi, int bStep,
                              float[] c, int ci, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, c, ci);
            c01 = FloatVector.fromArray(S, c, ci + V);
            c10 = FloatVector.fromArray(S, c, ci + ldc);
            c11 = FloatVector.fromArray(S, c, ci + ldc + V);
            c20 = FloatVector.fromArray(S, c, ci + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + V);
            c30 = FloatVector.fromArray(S, c, ci + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + V);
            c40 = FloatVector.fromArray(S, c, ci + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, ci + 4 * ldc + V);
            c50 = FloatVector.fromArray(S, c, ci + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, ci + 5 * ldc + V);
            c60 = FloatVector.fromArray(S, c, ci + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, ci + 6 * ldc + V);
            c70 = FloatVector.fromArray(S, c, ci + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, ci + 7 * ldc + V);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda;
        int a4 = ai + 4 * lda, a5 = ai + 5 * lda, a6 = ai + 6 * lda, a7 = ai + 7 * lda;
        for (int p = 0; p < kc; p++) {
            int bo = bi + p * bStep;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + V);
            FloatVector x = FloatVector.broadcast(S, ap[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[a6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[a7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + V);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + V);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + V);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + V);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + V);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + V);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + V);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + V);
    }

    /**
     * {@link #kernel} for the first vector of the tile's columns only, {@code MR x V}: for C
     * narrower than a vector (a classifier's last layer), where the full kernel would spend half
     * its multiply-adds on padding. Each element gets the same chain of FMAs as in the full tile.
     */
    static void kernelHalf(int kc, float[] ap, int ai, float[] bp, int bi, int bStep, float[] c, int ci, int ldc,
                           boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, ci);
            c1 = FloatVector.fromArray(S, c, ci + ldc);
            c2 = FloatVector.fromArray(S, c, ci + 2 * ldc);
            c3 = FloatVector.fromArray(S, c, ci + 3 * ldc);
            c4 = FloatVector.fromArray(S, c, ci + 4 * ldc);
            c5 = FloatVector.fromArray(S, c, ci + 5 * ldc);
            c6 = FloatVector.fromArray(S, c, ci + 6 * ldc);
            c7 = FloatVector.fromArray(S, c, ci + 7 * ldc);
        } else {
            FloatVector z = FloatVector.zero(S);
            c0 = z; c1 = z; c2 = z; c3 = z; c4 = z; c5 = z; c6 = z; c7 = z;
        }
        for (int p = 0; p < kc; p++) {
            int ao = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi + p * bStep);
            c0 = FloatVector.broadcast(S, ap[ao]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[ao + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[ao + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[ao + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[ao + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[ao + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, ap[ao + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, ap[ao + 7]).fma(b0, c7);
        }
        storeHalf(c, ci, ldc, c0, c1, c2, c3, c4, c5, c6, c7);
    }

    /** {@link #kernelRows} for the first vector of the tile's columns only; see {@link #kernelHalf}. */
    static void kernelRowsHalf(int kc, float[] ap, int ai, int lda, float[] bp, int bi, int bStep,
                               float[] c, int ci, int ldc, boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, ci);
            c1 = FloatVector.fromArray(S, c, ci + ldc);
            c2 = FloatVector.fromArray(S, c, ci + 2 * ldc);
            c3 = FloatVector.fromArray(S, c, ci + 3 * ldc);
            c4 = FloatVector.fromArray(S, c, ci + 4 * ldc);
            c5 = FloatVector.fromArray(S, c, ci + 5 * ldc);
            c6 = FloatVector.fromArray(S, c, ci + 6 * ldc);
            c7 = FloatVector.fromArray(S, c, ci + 7 * ldc);
        } else {
            FloatVector z = FloatVector.zero(S);
            c0 = z; c1 = z; c2 = z; c3 = z; c4 = z; c5 = z; c6 = z; c7 = z;
        }
        int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda;
        int a4 = ai + 4 * lda, a5 = ai + 5 * lda, a6 = ai + 6 * lda, a7 = ai + 7 * lda;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi + p * bStep);
            c0 = FloatVector.broadcast(S, ap[a0 + p]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, ap[a1 + p]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, ap[a2 + p]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, ap[a3 + p]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, ap[a4 + p]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, ap[a5 + p]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, ap[a6 + p]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, ap[a7 + p]).fma(b0, c7);
        }
        storeHalf(c, ci, ldc, c0, c1, c2, c3, c4, c5, c6, c7);
    }

    private static void storeHalf(float[] c, int ci, int ldc, FloatVector c0, FloatVector c1, FloatVector c2,
                                  FloatVector c3, FloatVector c4, FloatVector c5, FloatVector c6, FloatVector c7) {
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
    }
}
