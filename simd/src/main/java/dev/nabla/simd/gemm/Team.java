package dev.nabla.simd.gemm;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A fixed team of worker threads that share the tasks of one call at a time with the calling
 * thread, and spin for a short while between calls before they sleep.
 *
 * <p>A training step is a chain of kernels of a few hundred microseconds each, separated by a few
 * microseconds of bookkeeping on the calling thread. A worker that sleeps between them must be
 * woken for every kernel, which costs tens of microseconds and made two threads only about 1.3
 * times as fast as one on the products of a dense layer. A worker that spins on a volatile
 * read for up to {@code spinNanos} is ready within a fraction of a microsecond; after that it
 * parks, so an idle team costs nothing.
 *
 * <p>One call runs on the team at a time. A call made while the team is busy (from another
 * thread, or from inside a task) runs its tasks on its own thread, in order: results never
 * depend on who ran a task, and nothing can deadlock. Worker threads are daemons.
 */
final class Team implements Parallel {

    private final Worker[] workers;
    private final long spinNanos;
    private final AtomicBoolean busy = new AtomicBoolean();

    /**
     * A team of {@code threads - 1} workers beside the calling thread, which spin for
     * {@code spinNanos} nanoseconds for the next call before they park.
     */
    Team(int threads, long spinNanos) {
        if (threads < 2) {
            throw new IllegalArgumentException("a team needs at least 2 threads, got " + threads);
        }
        this.spinNanos = spinNanos;
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w);
            workers[w].thread.start();
        }
    }

    @Override
    public int threads() {
        return workers.length + 1;
    }

    @Override
    public void forRange(int tasks, IntConsumer body) {
        if (tasks <= 1 || !busy.compareAndSet(false, true)) {
            SERIAL.forRange(tasks, body);
            return;
        }
        try {
            Job job = new Job(tasks, body, Math.min(workers.length, tasks - 1), Thread.currentThread());
            for (int h = 0; h < job.helpers; h++) {
                workers[h].offer(job);
            }
            job.drain();
            job.finish(spinNanos);
        } finally {
            busy.set(false);
        }
    }

    /** Spins up to {@code nanos} until {@code ready} holds; false if it still does not. */
    private static boolean spinUntil(BooleanSupplier ready, long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (int i = 0; ; i++) {
            if (ready.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            if ((i & 63) == 63 && System.nanoTime() - deadline > 0) {
                return false;
            }
        }
    }

    /** The tasks of one call, taken from a common counter by the caller and its helpers. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final int helpers;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Helper slot {@code h} is claimed once: by helper {@code h} when it starts, or by the caller. */
        final AtomicIntegerArray claimed;
        /** Claimed helpers still draining. */
        final AtomicInteger running;
        final BooleanSupplier helpersDone;
        volatile boolean callerParked;

        Job(int tasks, IntConsumer body, int helpers, Thread caller) {
            this.tasks = tasks;
            this.body = body;
            this.helpers = helpers;
            this.caller = caller;
            this.claimed = new AtomicIntegerArray(helpers);
            this.running = new AtomicInteger(helpers);
            this.helpersDone = () -> running.get() == 0;
        }

        void drain() {
            try {
                for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                    body.accept(t);
                }
            } catch (RuntimeException | Error e) {
                next.set(tasks);
                failure.compareAndSet(null, e);
            }
        }

        /** Run by helper {@code h}: drains unless the caller already gave up on it. */
        void help(int h) {
            if (claimed.compareAndSet(h, 0, 1)) {
                drain();
                helperDone();
            }
        }

        private void helperDone() {
            if (running.decrementAndGet() == 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }

        /**
         * Run by the caller once it found no task left: releases helpers that have not started,
         * waits for those that did, and rethrows the first failure.
         */
        void finish(long spinNanos) {
            for (int h = 0; h < helpers; h++) {
                if (claimed.compareAndSet(h, 0, 1)) {
                    running.decrementAndGet();
                }
            }
            if (!spinUntil(helpersDone, spinNanos)) {
                callerParked = true;
                while (running.get() != 0) {
                    LockSupport.park(this);
                }
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e != null) {
                throw (Error) e;
            }
        }
    }

    /** One worker thread: takes the job offered to it, helps with it, and waits for the next. */
    private final class Worker implements Runnable {
        final AtomicReference<Job> offered = new AtomicReference<>();
        final BooleanSupplier hasOffer = () -> offered.get() != null;
        volatile boolean parked;
        /** This worker's helper slot in every job: its index in the team. */
        final int slot;
        final Thread thread;

        Worker(int slot) {
            this.slot = slot;
            this.thread = new Thread(this, "nabla-worker-" + (slot + 1));
            thread.setDaemon(true);
        }

        void offer(Job job) {
            offered.set(job);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (true) {
                if (!spinUntil(hasOffer, spinNanos)) {
                    parked = true;
                    while (offered.get() == null) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
                offered.getAndSet(null).help(slot);
            }
        }
    }
}
