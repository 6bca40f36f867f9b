package dev.nabla.simd;

/**
 * Cuts a {@link Rows} plan into segments of at most {@link #SEGMENT} elements (so strided operands
 * can be packed into per-thread scratch arrays of that size) and runs them on the thread pool in
 * fixed chunks. Elementwise results do not depend on the chunking; reductions block their
 * accumulation independently of it.
 */
final class Segments {
    /** Elements per segment: a packed operand fits in L1 next to the others. */
    static final int SEGMENT = 2048;
    /** Below this many elements an operation runs on the calling thread. */
    static final int PARALLEL_MIN = 1 << 16;
    /** Elements per parallel chunk. */
    static final int CHUNK = 1 << 15;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Segments() {
    }

    /** Work on one segment: {@code starts[v]} is the offset of the segment's first element in operand v. */
    interface Body {
        void run(int[] starts, int length, Scratch scratch);
    }

    /** Per-thread arrays for packing strided operands, {@link #SEGMENT} elements per slot. */
    static final class Scratch {
        final float[][] f = new float[4][SEGMENT];
        final double[][] d = new double[4][SEGMENT];
    }

    static void forEach(Rows rows, int operands, Body body) {
        if (rows.rows == 0 || rows.length == 0) {
            return;
        }
        int segsPerRow = (rows.length + SEGMENT - 1) / SEGMENT;
        long segments = (long) rows.rows * segsPerRow;
        long elements = (long) rows.rows * rows.length;
        int perChunk = Math.max(1, CHUNK / Math.min(rows.length, SEGMENT));
        int chunks = elements < PARALLEL_MIN ? 1 : ThreadPool.chunks(segments, perChunk);
        long step = chunks == 1 ? segments : perChunk;
        ThreadPool.forEach(chunks, c -> {
            Scratch scratch = SCRATCH.get();
            int[] starts = new int[operands];
            int[] base = new int[operands];
            int lastRow = -1;
            long end = Math.min(segments, (c + 1) * step);
            for (long s = c * step; s < end; s++) {
                int row = (int) (s / segsPerRow);
                int from = (int) (s % segsPerRow) * SEGMENT;
                if (row != lastRow) {
                    rows.rowStart(row, base);
                    lastRow = row;
                }
                for (int v = 0; v < operands; v++) {
                    starts[v] = base[v] + from * rows.innerStrides[v];
                }
                body.run(starts, Math.min(SEGMENT, rows.length - from), scratch);
            }
        });
    }
}
