package dev.nabla.simd;

import dev.nabla.simd.gemm.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The one thread pool of the SIMD backend, sized by {@code -Dnabla.threads} (default: available
 * processors). Work is always cut into the same fixed chunks, whatever the number of threads, so
 * that results are bit-identical for any thread count; threads only change who runs which chunk.
 */
public final class ThreadPool {
    /** Number of worker threads (1 means everything runs on the caller). */
    public static final int THREADS = threads(System.getProperty("nabla.threads"));
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;
    private static final Parallel GEMM = POOL == null ? Parallel.SERIAL : Parallel.of(POOL);

    private ThreadPool() {
    }

    /** The pool as the GEMM routines take it. */
    public static Parallel forGemm() {
        return GEMM;
    }

    static int threads(String requested) {
        if (requested == null || requested.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(requested.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("nabla.threads: expected a positive integer, got '" + requested + "'");
    }

    /**
     * Runs {@code body.accept(chunk)} for every chunk in {@code [0, chunks)}, in parallel when
     * there is more than one chunk and more than one thread. Returns when all are done; the first
     * exception thrown by a chunk is rethrown.
     */
    public static void forEach(int chunks, IntConsumer body) {
        if (chunks <= 1 || POOL == null || ForkJoinTask.inForkJoinPool()) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            tasks.add(ForkJoinTask.adapt(() -> body.accept(chunk)));
        }
        POOL.invoke(new ForkJoinTask<Void>() {
            @Override
            public Void getRawResult() {
                return null;
            }

            @Override
            protected void setRawResult(Void value) {
            }

            @Override
            protected boolean exec() {
                invokeAll(tasks);
                return true;
            }
        });
    }

    /** Number of chunks of {@code chunk} items needed to cover {@code n} items. */
    public static int chunks(long n, int chunk) {
        return (int) ((n + chunk - 1) / chunk);
    }
}
