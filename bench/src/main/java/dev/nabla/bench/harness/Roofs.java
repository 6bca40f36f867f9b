package dev.nabla.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ceilings of this machine that kernels are measured against: vector FMA throughput and
 * memory copy bandwidth, each on one core and on all cores.
 *
 * <p>The FMA roof runs twelve independent vector FMA chains on registers with the platform's
 * preferred species, enough to hide the FMA latency on two pipes, so it is the most floating-point
 * work a core can do; a GEMM can approach it, nothing else can exceed it. The copy roof copies a
 * large float array ({@code System.arraycopy}, split into one slice per thread) and counts the
 * bytes read plus the bytes written; elementwise kernels and reductions on arrays far larger than
 * the caches are bounded by it.
 *
 * @param fmaOne   GFLOP/s of the FMA loop on one thread
 * @param fmaAll   GFLOP/s of the FMA loop on {@code cores} threads together
 * @param copyOne  GB/s (read + write) of a large copy on one thread
 * @param copyAll  GB/s (read + write) of a large copy on {@code cores} threads together
 * @param cores    the number of cores used for the "all" roofs
 * @param lanes    float lanes of the species used by the FMA loop
 */
public record Roofs(double fmaOne, double fmaAll, double copyOne, double copyAll, int cores, int lanes) {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Independent accumulators in {@link #fmaLoop}; each iteration does this many vector FMAs. */
    private static final int CHAINS = 12;
    private static volatile float sink;

    /**
     * Measures the roofs: the median of several runs of each probe.
     *
     * @param quick shorter loops and a smaller copy (64 MB instead of 256 MB), for smoke tests
     */
    public static Roofs measure(boolean quick) {
        int cores = Runtime.getRuntime().availableProcessors();
        long iters = quick ? 2_000_000 : 20_000_000;
        int runs = quick ? 3 : 7;
        double flopsPerThread = 2.0 * CHAINS * S.length() * iters;
        double fmaOne = median(runs, () -> flopsPerThread / wallNanos(1, t -> () -> sink = fmaLoop(iters)));
        double fmaAll = median(runs, () -> cores * flopsPerThread / wallNanos(cores, t -> () -> sink = fmaLoop(iters)));

        int floats = (quick ? 64 : 256) << 18;   // megabytes * 2^20 bytes / 4 bytes per float
        float[] src = new float[floats];
        float[] dst = new float[floats];
        Arrays.fill(src, 1f);
        Arrays.fill(dst, 2f);                    // touch every page before timing
        double bytes = 2.0 * 4 * floats;
        double copyOne = median(runs, () -> bytes / wallNanos(1, t -> slice(src, dst, 0, 1)));
        double copyAll = median(runs, () -> bytes / wallNanos(cores, t -> slice(src, dst, t, cores)));
        return new Roofs(fmaOne, fmaAll, copyOne, copyAll, cores, S.length());
    }

    /** The FMA roof in GFLOP/s for {@code threads} threads: linear up to {@link #cores}, then flat. */
    public double fma(int threads) {
        return scaled(fmaOne, fmaAll, threads);
    }

    /** The copy roof in GB/s for {@code threads} threads, never above the all-cores copy. */
    public double copy(int threads) {
        return scaled(copyOne, copyAll, threads);
    }

    private double scaled(double one, double all, int threads) {
        if (threads <= 1) {
            return one;
        }
        return threads >= cores ? all : Math.min(all, one * threads);
    }

    /** Runs {@code threads} bodies on fresh threads and returns the wall time until all finished. */
    private static double wallNanos(int threads, IntFunction<Runnable> body) {
        if (threads == 1) {
            Runnable r = body.apply(0);
            long t0 = System.nanoTime();
            r.run();
            return System.nanoTime() - t0;
        }
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(body.apply(t), "roof-" + t));
        }
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("roof measurement interrupted", e);
            }
        }
        return System.nanoTime() - t0;
    }

    private static Runnable slice(float[] src, float[] dst, int part, int parts) {
        int from = (int) ((long) src.length * part / parts);
        int to = (int) ((long) src.length * (part + 1) / parts);
        return () -> System.arraycopy(src, from, dst, from, to - from);
    }

    /** The median of {@code runs} samples, after one discarded sample that warms up the code. */
    private static double median(int runs, DoubleSupplier sample) {
        sample.getAsDouble();
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            v[i] = sample.getAsDouble();
        }
        Arrays.sort(v);
        return v[runs / 2];
    }

    private static float fmaLoop(long iters) {
        FloatVector x = FloatVector.broadcast(S, 1.0000001f);
        FloatVector y = FloatVector.broadcast(S, 0.9999999f);
        FloatVector a0 = FloatVector.broadcast(S, 0.1f), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3);
        FloatVector a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7);
        FloatVector a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
        for (long i = 0; i < iters; i++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7)
                .add(a8).add(a9).add(a10).add(a11).reduceLanes(VectorOperators.ADD);
    }
}
