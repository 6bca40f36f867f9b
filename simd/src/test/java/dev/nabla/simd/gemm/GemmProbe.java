package dev.nabla.simd.gemm;

import dev.nabla.simd.SimdConfig;
import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Times {@link Gemm#sgemm} on square and training shapes, on 1 and 2 threads, against the
 * measured single-core FMA roof. The training shapes are the three products of a dense layer
 * [784 -> 256] at batch 64 and 256: forward {@code x @ W} as {@code B x 784 x 256}, the input
 * gradient {@code g @ W^T} as {@code B x 256 x 784:tb}, the weight gradient {@code x^T @ g} as
 * {@code 784 x B x 256:ta}. Each column is the median of timed runs, with the best in brackets:
 * on a shared machine the best tells what the code can do, the median what it did. Not a test: run by hand,
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.nabla.simd.gemm.GemmProbe [shape...]},
 * where a shape is {@code MxKxN} with an optional {@code :ta} or {@code :tb} for a transposed
 * operand.
 */
public final class GemmProbe {

    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;

    private GemmProbe() {
    }

    public static void main(String[] args) {
        String[] shapes = args.length > 0 ? args : new String[] {
            "256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
            "64x784x256", "64x256x784:tb", "784x64x256:ta",
            "256x784x256", "256x256x784:tb", "784x256x256:ta"};
        double roof = roof();
        double roof2 = roofTwoThreads();
        System.out.printf("species %s, FMA roof %.1f GFLOP/s on 1 thread, %.1f on 2 threads%n", S, roof, roof2);
        Parallel two = Parallel.team(2, Long.getLong("nabla.spin", 200));
        System.out.printf("%-16s %16s %6s %16s %6s %8s%n", "shape m x k x n", "1 thread", "roof", "2 threads", "roof", "speedup");
        for (String shape : shapes) {
            double[] one = time(shape, Parallel.SERIAL);
            double[] par = time(shape, two);
            System.out.printf("%-16s %7.1f [%6.1f] %5.0f%% %7.1f [%6.1f] %5.0f%% %7.2fx%n",
                    shape, one[0], one[1], 100 * one[0] / roof, par[0], par[1], 100 * par[0] / (2 * roof), par[0] / one[0]);
        }
    }

    /** GFLOP/s of one shape: the median and the best of timed runs after a second of warm-up. */
    static double[] time(String shape, Parallel par) {
        String[] parts = shape.split(":");
        String[] dims = parts[0].split("x");
        int m = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        int n = Integer.parseInt(dims[2]);
        boolean ta = parts.length > 1 && parts[1].equals("ta");
        boolean tb = parts.length > 1 && parts[1].equals("tb");
        Random rnd = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextFloat() - 0.5f;
        }
        double flops = 2.0 * m * n * k;
        int reps = (int) Math.max(1, Math.min(2000, 2e8 / flops));
        int runs = 11;
        double[] gflops = new double[runs];
        for (long end = System.nanoTime() + 1_000_000_000L; System.nanoTime() < end; ) {
            Gemm.sgemm(m, n, k, a, 0, ta ? 1 : k, ta ? m : 1, b, 0, tb ? 1 : n, tb ? k : 1, c, 0, n, false, par);
        }
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                Gemm.sgemm(m, n, k, a, 0, ta ? 1 : k, ta ? m : 1, b, 0, tb ? 1 : n, tb ? k : 1,
                        c, 0, n, false, par);
            }
            long t = System.nanoTime() - t0;
            gflops[r] = flops * reps / t;
        }
        Arrays.sort(gflops);
        return new double[] {gflops[runs / 2], gflops[runs - 1]};
    }

    /** GFLOP/s of a loop of independent vector FMAs on registers: the single-core ceiling. */
    static double roof() {
        double[] best = new double[9];
        for (int r = 0; r < best.length; r++) {
            long iters = 20_000_000;
            long t0 = System.nanoTime();
            float sink = fmaLoop(iters);
            long t = System.nanoTime() - t0;
            best[r] = 12.0 * 2 * S.length() * iters / t + (sink == 42 ? 1e-9 : 0);
        }
        Arrays.sort(best);
        return best[best.length / 2];
    }

    /** GFLOP/s of two threads each running the FMA loop: what the two cores really give. */
    static double roofTwoThreads() {
        double[] best = new double[5];
        for (int r = 0; r < best.length; r++) {
            long iters = 20_000_000;
            Thread other = new Thread(() -> fmaLoop(iters));
            long t0 = System.nanoTime();
            other.start();
            fmaLoop(iters);
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long t = System.nanoTime() - t0;
            best[r] = 2 * 12.0 * 2 * S.length() * iters / t;
        }
        Arrays.sort(best);
        return best[best.length / 2];
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
                .add(a8).add(a9).add(a10).add(a11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
