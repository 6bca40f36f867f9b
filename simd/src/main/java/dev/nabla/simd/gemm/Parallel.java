package dev.nabla.simd.gemm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
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

    /** Tasks spread over the workers of {@code pool}; serial when the pool has one worker. */
    static Parallel of(ForkJoinPool pool) {
        if (pool.getParallelism() <= 1) {
            return SERIAL;
        }
        return (tasks, body) -> {
            if (tasks <= 1) {
                SERIAL.forRange(tasks, body);
            } else {
                pool.invoke(new SplitTasks(0, tasks, body));
            }
        };
    }
}
