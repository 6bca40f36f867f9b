package dev.nabla.simd.conv;

import dev.nabla.simd.SimdConfig;
import dev.nabla.simd.ThreadPool;
import dev.nabla.tensor.View;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A stride-1 convolution computed directly on a {@link Grid}, with no columns: a register block of
 * {@link #ROWS} output planes by {@link #COLS} vectors of grid positions lives in
 * {@code ROWS * COLS} accumulators; per tap it loads {@code COLS} vectors of the padded planes
 * (one contiguous run, since a tap is a fixed offset) and broadcasts the tap's {@code ROWS}
 * packed weights ({@link PackedWeights}), then issues {@code ROWS * COLS} FMAs. The padded planes
 * of one image and group (a few KiB to tens of KiB) stay in L1 while every block of output planes
 * is computed from them.
 *
 * <p>Images are independent and each is computed by one thread in a fixed order, so results do
 * not depend on the thread count. Each output sums its taps in {@code (c, kh, kw)} order.
 */
final class DirectConv {
    static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    static final int L = S.length();
    /** Output planes per register block. */
    static final int ROWS = 8;
    /** Vectors of grid positions per register block. */
    static final int COLS = 3;
    static final int BLOCK = COLS * L;
    /** Below this many FMAs an image is batched with the next ones into one task. */
    private static final long TASK_WORK = 1 << 16;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private DirectConv() {
    }

    /**
     * {@code dst[n, g * outs + o, oh, ow] = bias(g, o) + sum over taps t of packed(g, o, t) *
     * planes[oh * width + ow + tap(t)]}, the planes being {@code src[n, g * grid.channels() ...]}
     * laid out by {@code grid}; {@code src} and {@code dst} are {@code [N, C, H, W]} views over
     * {@code float} arrays with any strides, and {@code dst} is overwritten.
     *
     * @param packed the weights as {@link PackedWeights} lays them out for {@code outs} outputs per group
     * @param bias   the bias as {@link PackedWeights#bias} lays it out
     */
    static void run(float[] src, View sv, Grid grid, int groups, float[] packed, float[] bias, int outs, float[] dst,
                    View dv) {
        int images = sv.shape().dim(0);
        int[] taps = grid.tapOffsets();
        int blocks = PackedWeights.blocks(outs);
        int positions = roundUp(grid.positions(), BLOCK);
        long work = (long) groups * blocks * ROWS * taps.length * positions;
        int perTask = (int) Math.max(1, Math.min(images, TASK_WORK / Math.max(1, work)));
        ThreadPool.forEach(ThreadPool.chunks(images, perTask), task -> {
            Scratch s = SCRATCH.get();
            float[] planes = s.planes(grid.planesLength(BLOCK));
            float[] rows = s.rows(ROWS * positions);
            for (int n = task * perTask; n < Math.min(images, (task + 1) * perTask); n++) {
                for (int g = 0; g < groups; g++) {
                    grid.load(src, sv, n, g * grid.channels(), planes, 0, BLOCK);
                    for (int b = 0; b < blocks; b++) {
                        int w0 = (g * blocks + b) * taps.length * ROWS;
                        for (int q = 0; q < positions; q += BLOCK) {
                            block(planes, q, taps, packed, w0, bias, (g * blocks + b) * ROWS, rows, positions);
                        }
                        store(rows, positions, grid, dst, dv, n, g * outs + b * ROWS, Math.min(ROWS, outs - b * ROWS));
                    }
                }
            }
        });
    }

    /**
     * Grid positions {@code [q, q + BLOCK)} of the block's {@code ROWS} planes, starting from
     * {@code bias[b0 ...]}, into {@code rows[r * stride + q ...]}.
     */
    private static void block(float[] planes, int q, int[] taps, float[] weights, int w0, float[] bias, int b0,
                              float[] rows, int stride) {
        FloatVector a00 = FloatVector.broadcast(S, bias[b0]);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a10 = FloatVector.broadcast(S, bias[b0 + 1]);
        FloatVector a11 = a10;
        FloatVector a12 = a10;
        FloatVector a20 = FloatVector.broadcast(S, bias[b0 + 2]);
        FloatVector a21 = a20;
        FloatVector a22 = a20;
        FloatVector a30 = FloatVector.broadcast(S, bias[b0 + 3]);
        FloatVector a31 = a30;
        FloatVector a32 = a30;
        FloatVector a40 = FloatVector.broadcast(S, bias[b0 + 4]);
        FloatVector a41 = a40;
        FloatVector a42 = a40;
        FloatVector a50 = FloatVector.broadcast(S, bias[b0 + 5]);
        FloatVector a51 = a50;
        FloatVector a52 = a50;
        FloatVector a60 = FloatVector.broadcast(S, bias[b0 + 6]);
        FloatVector a61 = a60;
        FloatVector a62 = a60;
        FloatVector a70 = FloatVector.broadcast(S, bias[b0 + 7]);
        FloatVector a71 = a70;
        FloatVector a72 = a70;
        for (int t = 0, wi = w0; t < taps.length; t++, wi += ROWS) {
            int at = q + taps[t];
            FloatVector x0 = FloatVector.fromArray(S, planes, at);
            FloatVector x1 = FloatVector.fromArray(S, planes, at + L);
            FloatVector x2 = FloatVector.fromArray(S, planes, at + 2 * L);
            FloatVector w = FloatVector.broadcast(S, weights[wi]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            a02 = x2.fma(w, a02);
            w = FloatVector.broadcast(S, weights[wi + 1]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            a12 = x2.fma(w, a12);
            w = FloatVector.broadcast(S, weights[wi + 2]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            a22 = x2.fma(w, a22);
            w = FloatVector.broadcast(S, weights[wi + 3]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
            a32 = x2.fma(w, a32);
            w = FloatVector.broadcast(S, weights[wi + 4]);
            a40 = x0.fma(w, a40);
            a41 = x1.fma(w, a41);
            a42 = x2.fma(w, a42);
            w = FloatVector.broadcast(S, weights[wi + 5]);
            a50 = x0.fma(w, a50);
            a51 = x1.fma(w, a51);
            a52 = x2.fma(w, a52);
            w = FloatVector.broadcast(S, weights[wi + 6]);
            a60 = x0.fma(w, a60);
            a61 = x1.fma(w, a61);
            a62 = x2.fma(w, a62);
            w = FloatVector.broadcast(S, weights[wi + 7]);
            a70 = x0.fma(w, a70);
            a71 = x1.fma(w, a71);
            a72 = x2.fma(w, a72);
        }
        a00.intoArray(rows, q);
        a01.intoArray(rows, q + L);
        a02.intoArray(rows, q + 2 * L);
        a10.intoArray(rows, stride + q);
        a11.intoArray(rows, stride + q + L);
        a12.intoArray(rows, stride + q + 2 * L);
        a20.intoArray(rows, 2 * stride + q);
        a21.intoArray(rows, 2 * stride + q + L);
        a22.intoArray(rows, 2 * stride + q + 2 * L);
        a30.intoArray(rows, 3 * stride + q);
        a31.intoArray(rows, 3 * stride + q + L);
        a32.intoArray(rows, 3 * stride + q + 2 * L);
        a40.intoArray(rows, 4 * stride + q);
        a41.intoArray(rows, 4 * stride + q + L);
        a42.intoArray(rows, 4 * stride + q + 2 * L);
        a50.intoArray(rows, 5 * stride + q);
        a51.intoArray(rows, 5 * stride + q + L);
        a52.intoArray(rows, 5 * stride + q + 2 * L);
        a60.intoArray(rows, 6 * stride + q);
        a61.intoArray(rows, 6 * stride + q + L);
        a62.intoArray(rows, 6 * stride + q + 2 * L);
        a70.intoArray(rows, 7 * stride + q);
        a71.intoArray(rows, 7 * stride + q + L);
        a72.intoArray(rows, 7 * stride + q + 2 * L);
    }

    /**
     * The first {@code count} rows of the block, grid columns past {@code outW} dropped, into
     * planes {@code o0 ...} of image {@code n}.
     */
    private static void store(float[] rows, int stride, Grid grid, float[] dst, View dv, int n, int o0, int count) {
        int width = grid.width();
        int sw = dv.stride(3);
        for (int r = 0; r < count; r++) {
            for (int oh = 0; oh < grid.outH(); oh++) {
                int s = r * stride + oh * width;
                int d = Views.at(dv, n, o0 + r, oh, 0);
                if (sw == 1) {
                    System.arraycopy(rows, s, dst, d, grid.outW());
                } else {
                    for (int ow = 0; ow < grid.outW(); ow++) {
                        dst[d + ow * sw] = rows[s + ow];
                    }
                }
            }
        }
    }

    static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /** Per-thread buffers, grown as needed and reused across calls. */
    private static final class Scratch {
        private float[] planes = new float[0];
        private float[] rows = new float[0];

        float[] planes(int length) {
            if (planes.length < length) {
                planes = new float[length];
            }
            return planes;
        }

        float[] rows(int length) {
            if (rows.length < length) {
                rows = new float[length];
            }
            return rows;
        }
    }
}
