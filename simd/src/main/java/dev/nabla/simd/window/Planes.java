package dev.nabla.simd.window;

import dev.nabla.simd.ThreadPool;
import dev.nabla.tensor.View;

/**
 * The {@code N * C} planes of an {@code [N, C, ...]} view and their parallel walk. Planes are
 * independent (every kernel reads and writes one plane of each operand per plane index), so the
 * result never depends on the chunking; the chunks are still fixed by the shape, as everywhere
 * in this backend.
 */
final class Planes {
    /** Elements of work per parallel chunk. */
    static final int CHUNK = 1 << 15;
    /** Below this many elements of work a call runs on the calling thread. */
    static final long PARALLEL_MIN = 1 << 16;

    private Planes() {
    }

    /** Work on the planes {@code [from, to)}. */
    interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, planes)} in fixed chunks of about {@link #CHUNK} elements of work. */
    static void forEach(int planes, long workPerPlane, Range body) {
        if (planes == 0 || workPerPlane == 0) {
            return;
        }
        int perChunk = planes * workPerPlane < PARALLEL_MIN ? planes
                : (int) Math.max(1, Math.min(planes, CHUNK / workPerPlane));
        ThreadPool.forEach(ThreadPool.chunks(planes, perChunk),
                c -> body.run(c * perChunk, Math.min(planes, (c + 1) * perChunk)));
    }

    /** The offset in {@code v}'s buffer of plane {@code p} (that is {@code [p / C, p % C]}) of a {@code [N, C, ...]} view. */
    static int offset(View v, int p) {
        int channels = v.shape().dim(1);
        return v.offset() + p / channels * v.stride(0) + p % channels * v.stride(1);
    }
}
