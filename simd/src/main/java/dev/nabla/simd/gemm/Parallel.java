package dev.nabla.simd.gemm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Tasks shared by the calling thread and up to {@code parallelism - 1} workers of
     * {@code pool}: each takes the next task from a common counter until none is left, so the
     * caller works instead of sleeping and a call wakes at most that many workers, once. Serial
     * when the pool has one worker.
     */
    static Parallel of(ForkJoinPool pool) {
        int parallelism = pool.getParallelism();
        if (parallelism <= 1) {
            return SERIAL;
        }
        return (tasks, body) -> {
            if (tasks <= 1) {
                SERIAL.forRange(tasks, body);
                return;
            }
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable drain = () -> {
                try {
                    for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                        body.accept(t);
                    }
                } catch (RuntimeException | Error e) {
                    next.set(tasks);
                    failure.compareAndSet(null, e);
                }
            };
            // Each helper is claimed once, by itself when it starts or by the caller when the
            // caller ran out of tasks first; the caller then waits only for helpers that started.
            int helpers = Math.min(parallelism, tasks) - 1;
            AtomicIntegerArray claimed = new AtomicIntegerArray(helpers);
            CountDownLatch finished = new CountDownLatch(helpers);
            for (int h = 0; h < helpers; h++) {
                int helper = h;
                pool.execute(() -> {
                    if (claimed.compareAndSet(helper, 0, 1)) {
                        drain.run();
                        finished.countDown();
                    }
                });
            }
            drain.run();
            for (int h = 0; h < helpers; h++) {
                if (claimed.compareAndSet(h, 0, 1)) {
                    finished.countDown();
                }
            }
            awaitUninterruptibly(finished);
            Throwable e = failure.get();
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e != null) {
                throw (Error) e;
            }
        };
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
