package dev.nabla.simd;

import dev.nabla.simd.gemm.Parallel;
import java.util.function.IntConsumer;

/**
 * The one thread pool of the SIMD backend, sized by {@code -Dnabla.threads} (default: available
 * processors), whose workers spin for {@code -Dnabla.spin} microseconds (default 200) between
 * kernels before they sleep. Work is always cut into the same fixed chunks, whatever the number
 * of threads, so that results are bit-identical for any thread count; threads only change who
 * runs which chunk.
 */
public final class ThreadPool {
    /** Number of worker threads (1 means everything runs on the caller). */
    public static final int THREADS = threads(System.getProperty("nabla.threads"));
    /** Microseconds a worker spins for the next kernel before it sleeps. */
    public static final long SPIN_MICROS = spinMicros(System.getProperty("nabla.spin"));
    private static final Parallel TASKS = Parallel.team(THREADS, SPIN_MICROS);

    private ThreadPool() {
    }

    /** The pool as the GEMM routines take it. */
    public static Parallel forGemm() {
        return TASKS;
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

    static long spinMicros(String requested) {
        if (requested == null || requested.isBlank()) {
            return 200;
        }
        try {
            long micros = Long.parseLong(requested.trim());
            if (micros >= 0) {
                return micros;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("nabla.spin: expected microseconds, a non-negative integer, got '"
                + requested + "'");
    }

    /**
     * Runs {@code body.accept(chunk)} for every chunk in {@code [0, chunks)}, the calling thread
     * taking chunks alongside the pool's workers; returns when all are done, rethrowing the first
     * exception a chunk threw.
     */
    public static void forEach(int chunks, IntConsumer body) {
        TASKS.forRange(chunks, body);
    }

    /** Number of chunks of {@code chunk} items needed to cover {@code n} items. */
    public static int chunks(long n, int chunk) {
        return (int) ((n + chunk - 1) / chunk);
    }
}
