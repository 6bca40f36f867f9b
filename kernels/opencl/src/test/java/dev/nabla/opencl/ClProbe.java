package dev.nabla.opencl;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.Arrays;

/**
 * Measures the OpenCL backend on this machine: GEMM GFLOP/s at n = 512, 1024, 2048, host-device
 * transfer GB/s each way, and the cost of launching one small kernel. A probe, not a test; run
 * after {@code mvn -pl kernels/opencl -am test-compile}:
 * <pre>
 * java -cp kernels/opencl/target/test-classes:kernels/opencl/target/classes:tensor/target/classes:$JOCL_JAR \
 *     dev.nabla.opencl.ClProbe [opencl:0] [sizes...]
 * </pre>
 */
public final class ClProbe {
    private ClProbe() {
    }

    public static void main(String[] args) {
        Device device = Device.parse(args.length > 0 ? args[0] : "opencl:0");
        OpenClBackend b = (OpenClBackend) Backends.of(device);
        System.out.println("device: " + device + " " + b.deviceName());
        System.out.println("gemm blocking F32: " + b.gemmConfig(DType.F32));
        int[] sizes = args.length > 1 ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                : new int[] {512, 1024, 2048};
        for (int n : sizes) {
            gemm(b, n);
        }
        elementwise(b, 1024);
        transfer(b, 64 << 20);
        launch(b);
        System.out.println(b.poolStats());
    }

    private static Strided random(OpenClBackend b, Shape shape, long seed) {
        float[] v = new float[shape.numel()];
        new Rng(seed).fillNormal(v, 0, 1);
        ClBuffer buf = b.allocate(DType.F32, v.length);
        b.write(buf, v);
        return new Strided(buf, View.contiguous(shape));
    }

    private static void gemm(OpenClBackend b, int n) {
        Shape s = Shape.of(1, n, n);
        Strided x = random(b, s, 1);
        Strided y = random(b, s, 2);
        Strided out = new Strided(b.allocate(DType.F32, n * n), View.contiguous(s));
        b.matmul(x, y, out);
        b.synchronize();
        int reps = Math.max(3, (int) (2e10 / (2.0 * n * n * n)));
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                b.matmul(x, y, out);
            }
            b.synchronize();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9 / reps);
        }
        System.out.printf("gemm F32 n=%d: %.1f GFLOP/s (%.2f ms)%n", n, 2.0 * n * n * n / best / 1e9, best * 1e3);
    }

    /** Best time of a few runs of {@code op}, each waited for. */
    private static double best(OpenClBackend b, Runnable op) {
        op.run();
        b.synchronize();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 10; r++) {
            long t0 = System.nanoTime();
            op.run();
            b.synchronize();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static void elementwise(OpenClBackend b, int n) {
        Shape s = Shape.of(n, n);
        Strided x = random(b, s, 4);
        Strided y = random(b, s, 5);
        Strided xt = x.with(x.view().permute(1, 0));
        Strided out = new Strided(b.allocate(DType.F32, n * n), View.contiguous(s));
        Strided total = new Strided(b.allocate(DType.F32, 1), View.contiguous(Shape.of(1, 1)));
        double bytes3 = 12.0 * n * n;
        double add = best(b, () -> b.binary(BinaryOp.ADD, x, y, out));
        double addT = best(b, () -> b.binary(BinaryOp.ADD, xt, y, out));
        double exp = best(b, () -> b.unary(UnaryOp.EXP, x, out));
        double sum = best(b, () -> b.reduce(ReduceOp.SUM, x, total));
        double rows = best(b, () -> b.reduce(ReduceOp.SUM, x,
                new Strided(out.buffer(), View.contiguous(Shape.of(1, n)))));
        System.out.printf("elementwise %dx%d F32: add %.2f ms (%.1f GB/s), add transposed %.2f ms (%.1f GB/s),"
                + " exp %.2f ms, sum all %.2f ms, sum over rows %.2f ms%n", n, n, add * 1e3, bytes3 / add / 1e9,
                addT * 1e3, bytes3 / addT / 1e9, exp * 1e3, sum * 1e3, rows * 1e3);
    }

    private static void transfer(OpenClBackend b, int bytes) {
        int n = bytes / 4;
        float[] host = new float[n];
        ClBuffer buf = b.allocate(DType.F32, n);
        Strided all = new Strided(buf, View.contiguous(Shape.of(n)));
        b.write(buf, host);
        b.readFloats(all);
        double write = Double.MAX_VALUE;
        double read = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            b.write(buf, host);
            b.synchronize();
            long t1 = System.nanoTime();
            b.readFloats(all);
            long t2 = System.nanoTime();
            write = Math.min(write, (t1 - t0) / 1e9);
            read = Math.min(read, (t2 - t1) / 1e9);
        }
        System.out.printf("transfer %d MiB: host->device %.2f GB/s, device->host %.2f GB/s (including float[] conversion)%n",
                bytes >> 20, bytes / write / 1e9, bytes / read / 1e9);
    }

    private static void launch(OpenClBackend b) {
        Shape s = Shape.of(16);
        Strided x = random(b, s, 3);
        Strided out = new Strided(b.allocate(DType.F32, 16), View.contiguous(s));
        int reps = 20_000;
        for (int r = 0; r < reps; r++) {
            b.binary(BinaryOp.ADD, x, x, out);
        }
        b.synchronize();
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            b.binary(BinaryOp.ADD, x, x, out);
        }
        long t1 = System.nanoTime();
        b.synchronize();
        long t2 = System.nanoTime();
        System.out.printf("launch: %.1f us per 16-element add enqueued, %.1f us per add completed%n",
                (t1 - t0) / 1e3 / reps, (t2 - t0) / 1e3 / reps);
    }
}
