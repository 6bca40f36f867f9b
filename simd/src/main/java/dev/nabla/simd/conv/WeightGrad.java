package dev.nabla.simd.conv;

import dev.nabla.simd.SimdConfig;
import dev.nabla.simd.ThreadPool;
import dev.nabla.tensor.View;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight's gradient of a stride-1 convolution on a {@link Grid}, with no columns:
 * {@code dW[g * O' + o, c, kh, kw] = sum over images n and output positions q of
 * dy[n, g * O' + o, q] * planes(n, g)[q + tap(c, kh, kw)]}. The output gradient is laid on the grid
 * with zeros in the dropped columns, so a block of {@link #ROWS} output channels by {@link #TAPS}
 * taps is 16 vector accumulators, each a dot product along the grid: per vector of positions, four
 * gradient loads, four plane loads, sixteen FMAs.
 *
 * <p>The bias's gradient, when wanted, is one more tap that reads ones past the image's planes.
 * The batch is cut into chunks of images fixed by the shape; a chunk's sums run over all its
 * images in the accumulators, their lanes are added once per chunk, and the chunks' partial
 * gradients are added in chunk order, so results do not depend on the thread count. The dropped
 * columns multiply a zero gradient by input values, so the input must be finite (else 0 * inf
 * would reach taps that never read it); the caller checks.
 */
final class WeightGrad {
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    private static final int L = S.length();
    /** Output channels per register block. */
    static final int ROWS = 4;
    /** Taps per register block. */
    static final int TAPS = 4;
    /** Multiply-adds a chunk of images should hold at least. */
    private static final long CHUNK_WORK = 1 << 20;
    /** Chunks at most, bounding the partial gradients kept. */
    private static final int MAX_CHUNKS = 16;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private WeightGrad() {
    }

    /**
     * Overwrites {@code gw} (through {@code gv}, {@code [O, C / groups, KH, KW]}) with the gradient
     * from {@code x} ({@code [N, C, H, W]}, finite) and {@code dy} ({@code [N, O, OH, OW]}), and
     * unless {@code gb} is null the bias's gradient {@code [O]} (through {@code bv}), the sums of
     * {@code dy} over all but axis 1; any strides.
     */
    static void run(float[] x, View xv, float[] dy, View dv, Grid grid, int groups, float[] gw, View gv, float[] gb,
                    View bv) {
        int images = xv.shape().dim(0);
        Sizes s = Sizes.of(grid, groups, gv.shape().dim(0) / groups, gb != null);
        long work = (long) s.weights() * s.positions();
        int perChunk = (int) Math.max(CHUNK_WORK / Math.max(1, work), ThreadPool.chunks(images, MAX_CHUNKS));
        int chunkSize = Math.max(1, Math.min(images, perChunk));
        int chunks = ThreadPool.chunks(images, chunkSize);
        float[] partial = new float[chunks * s.weights()];
        ThreadPool.forEach(chunks, c -> {
            int first = c * chunkSize;
            chunk(s, x, xv, dy, dv, first, Math.min(images, first + chunkSize) - first, partial, c * s.weights());
        });
        int perChannel = grid.kernelH() * grid.kernelW();
        for (int o = 0; o < groups * s.outs(); o++) {
            for (int t = 0; t < s.columns(); t++) {
                float sum = 0;
                for (int c = 0; c < chunks; c++) {
                    sum += partial[c * s.weights() + o * s.columns() + t];
                }
                int k = t % perChannel;
                if (t < s.taps()) {
                    gw[Views.at(gv, o, t / perChannel, k / grid.kernelW(), k % grid.kernelW())] = sum;
                } else {
                    gb[bv.offset() + o * bv.stride(0)] = sum;
                }
            }
        }
    }

    /**
     * The sizes of one call: {@code outs} output channels per group (padded to {@code rows});
     * {@code columns} sums per output, its {@code taps} and with the bias one more, whose offset
     * points past the image's planes to {@code positions} ones (the offsets padded to a whole
     * block with offset 0); grid positions rounded to whole vectors; and each image's scratch:
     * {@code planes} elements of padded input and ones, {@code grads} of gradient rows.
     */
    private record Sizes(Grid grid, int groups, int outs, int rows, int taps, int columns, int[] offsets,
                         int positions, int planes, int grads) {
        static Sizes of(Grid grid, int groups, int outs, boolean bias) {
            int rows = DirectConv.roundUp(outs, ROWS);
            int positions = DirectConv.roundUp(grid.positions(), L);
            int columns = grid.taps() + (bias ? 1 : 0);
            int[] offsets = Arrays.copyOf(grid.tapOffsets(), DirectConv.roundUp(columns, TAPS));
            if (bias) {
                offsets[grid.taps()] = grid.planesLength(L);
            }
            return new Sizes(grid, groups, outs, rows, grid.taps(), columns, offsets, positions,
                    grid.planesLength(L) + (bias ? positions : 0), rows * positions);
        }

        /** Sums of one chunk: {@code groups * outs * columns}. */
        int weights() {
            return groups * outs * columns;
        }
    }

    /** Images {@code first .. first + count}: their partial sums {@code [O, columns]} into {@code partial[at ...]}. */
    private static void chunk(Sizes s, float[] x, View xv, float[] dy, View dv, int first, int count, float[] partial,
                              int at) {
        float[][] scratch = SCRATCH.get();
        float[] p = grow(scratch, 0, count * s.planes());
        float[] d = grow(scratch, 1, count * s.grads());
        for (int g = 0; g < s.groups(); g++) {
            for (int i = 0; i < count; i++) {
                s.grid().load(x, xv, first + i, g * s.grid().channels(), p, i * s.planes(), L);
                Arrays.fill(p, i * s.planes() + s.grid().planesLength(L), (i + 1) * s.planes(), 1f);
                layGradient(dy, dv, first + i, g * s.outs(), s.outs(), s.grid(), d, i * s.grads(), s.rows(),
                        s.positions());
            }
            for (int o = 0; o < s.outs(); o += ROWS) {
                for (int t = 0; t < s.columns(); t += TAPS) {
                    block(p, s.planes(), d, s.grads(), o * s.positions(), s.positions(), count, s.offsets(), t,
                            partial, at + (g * s.outs() + o) * s.columns() + t, s.columns(),
                            Math.min(ROWS, s.outs() - o), Math.min(TAPS, s.columns() - t));
                }
            }
        }
    }

    /**
     * Output planes {@code o0 .. o0 + count} of image {@code n} laid on the grid at {@code at}:
     * {@code rows} rows of {@code positions}, zero outside the outputs.
     */
    private static void layGradient(float[] dy, View dv, int n, int o0, int count, Grid grid, float[] d, int at,
                                    int rows, int positions) {
        Arrays.fill(d, at, at + rows * positions, 0f);
        int sw = dv.stride(3);
        for (int r = 0; r < count; r++) {
            for (int oh = 0; oh < grid.outH(); oh++) {
                int s = Views.at(dv, n, o0 + r, oh, 0);
                int to = at + r * positions + oh * grid.width();
                if (sw == 1) {
                    System.arraycopy(dy, s, d, to, grid.outW());
                } else {
                    for (int ow = 0; ow < grid.outW(); ow++) {
                        d[to + ow] = dy[s + ow * sw];
                    }
                }
            }
        }
    }

    /**
     * Adds up, over {@code images} images and all positions, the products of gradient rows
     * {@code row0 ...} and taps {@code t0 ...}, and stores the {@code rows x taps} valid sums at
     * {@code out[at + r * stride + k]}.
     */
    private static void block(float[] p, int planeStep, float[] d, int gradStep, int row0, int positions, int images,
                              int[] offsets, int t0, float[] out, int at, int stride, int rows, int taps) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a03 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        FloatVector a13 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a22 = a00;
        FloatVector a23 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        FloatVector a32 = a00;
        FloatVector a33 = a00;
        int x0 = offsets[t0];
        int x1 = offsets[t0 + 1];
        int x2 = offsets[t0 + 2];
        int x3 = offsets[t0 + 3];
        int g0 = row0;
        // One loop over every image's positions: accumulators carried through nested loops were
        // kept boxed by C2 (JDK 17), one allocation per FMA.
        for (int j = 0, q = 0, steps = images * (positions / L); j < steps; j++) {
            FloatVector v0 = FloatVector.fromArray(S, p, x0 + q);
            FloatVector v1 = FloatVector.fromArray(S, p, x1 + q);
            FloatVector v2 = FloatVector.fromArray(S, p, x2 + q);
            FloatVector v3 = FloatVector.fromArray(S, p, x3 + q);
            FloatVector g = FloatVector.fromArray(S, d, g0 + q);
            a00 = g.fma(v0, a00);
            a01 = g.fma(v1, a01);
            a02 = g.fma(v2, a02);
            a03 = g.fma(v3, a03);
            g = FloatVector.fromArray(S, d, g0 + positions + q);
            a10 = g.fma(v0, a10);
            a11 = g.fma(v1, a11);
            a12 = g.fma(v2, a12);
            a13 = g.fma(v3, a13);
            g = FloatVector.fromArray(S, d, g0 + 2 * positions + q);
            a20 = g.fma(v0, a20);
            a21 = g.fma(v1, a21);
            a22 = g.fma(v2, a22);
            a23 = g.fma(v3, a23);
            g = FloatVector.fromArray(S, d, g0 + 3 * positions + q);
            a30 = g.fma(v0, a30);
            a31 = g.fma(v1, a31);
            a32 = g.fma(v2, a32);
            a33 = g.fma(v3, a33);
            q += L;
            if (q == positions) {
                q = 0;
                x0 += planeStep;
                x1 += planeStep;
                x2 += planeStep;
                x3 += planeStep;
                g0 += gradStep;
            }
        }
        // Reduced one by one: the vectors themselves in an array would keep them boxed in the loop.
        float[] sums = {sum(a00), sum(a01), sum(a02), sum(a03), sum(a10), sum(a11), sum(a12), sum(a13),
            sum(a20), sum(a21), sum(a22), sum(a23), sum(a30), sum(a31), sum(a32), sum(a33)};
        for (int r = 0; r < rows; r++) {
            System.arraycopy(sums, r * TAPS, out, at + r * stride, taps);
        }
    }

    private static float sum(FloatVector v) {
        return v.reduceLanes(VectorOperators.ADD);
    }

    private static float[] grow(float[][] scratch, int i, int length) {
        if (scratch[i].length < length) {
            scratch[i] = new float[length];
        }
        return scratch[i];
    }
}
