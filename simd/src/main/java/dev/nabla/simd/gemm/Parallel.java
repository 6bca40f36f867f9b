package dev.nabla.simd.gemm;

import java.util.function.IntConsumer;

/**
 * Runs a fixed number of independent tasks, possibly at the same time. The GEMM routines split
 * their work into tasks whose number and contents depend only on the problem's shape, never on
 * how many threads run them, so results are the same bits whatever the thread count.
 */
@FunctionalInterface
public interface Parallel {

    /** Runs every task on the calling thread, in order. */
    Parallel SERIAL = (tasks, body) -> {
        for (int t = 0; t < tasks; t++) {
            body.accept(t);
        }
    };

    /**
     * Runs {@code body.accept(t)} for every {@code t} in {@code [0, tasks)} and returns when all
     * have finished. Tasks may run concurrently and in any order; a task's exception is rethrown.
     */
    void forRange(int tasks, IntConsumer body);

    /** How many threads may run tasks at once: a hint for cutting work, never for its results. */
    default int threads() {
        return 1;
    }

    /**
     * Tasks shared by the calling thread and a {@link Team} of {@code threads - 1} workers that
     * spin for {@code spinMicros} microseconds between calls before they sleep. Serial for one
     * thread.
     */
    static Parallel team(int threads, long spinMicros) {
        if (threads <= 1) {
            return SERIAL;
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spinMicros must not be negative, got " + spinMicros);
        }
        return new Team(threads, spinMicros * 1000);
    }
}
