package dev.nabla.bench.harness;

import dev.nabla.autodiff.Tensor;
import dev.nabla.bench.harness.Kernel.Unit;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The kernels {@code nabla bench} measures, all F32 and all through the public {@link Tensor}
 * API, so that every cost a user pays (allocation of the result, dispatch, views) is included.
 *
 * <p>Work counted per call: a GEMM {@code [m,k] @ [k,n]} is {@code 2mkn} flops; a binary
 * elementwise op moves 12 bytes per element (two reads and a write), a unary op 8, a sum 4 and a
 * row softmax 8 (each element read once and written once, the least any implementation can move);
 * the tiny chain counts its five tensor operations.
 */
public final class Kernels {
    /** Operations in the tiny chain {@code x.mul(w).add(b).tanh().mul(x).sum()}. */
    static final int TINY_OPS = 5;
    private static final long SEED = 1;

    private Kernels() {
    }

    /**
     * Every kernel, in the order they are reported.
     *
     * @param quick fewer and smaller sizes, for smoke tests
     */
    public static List<Kernel> all(boolean quick) {
        List<Kernel> list = new ArrayList<>();
        for (int n : quick ? new int[] {128, 256} : new int[] {128, 256, 512, 1024, 2048}) {
            list.add(gemm(n, n, n, false, false));
        }
        for (int batch : quick ? new int[] {64} : new int[] {64, 256}) {
            list.add(gemm(batch, 784, 256, false, false));   // forward: x @ W
            list.add(gemm(batch, 256, 784, false, true));    // input gradient: grad @ W^T
            list.add(gemm(784, batch, 256, true, false));    // weight gradient: x^T @ grad
        }
        int n = quick ? 1_000_000 : 10_000_000;
        String len = Integer.toString(n);
        list.add(new Kernel("add", len, Unit.GBPS, 12.0 * n, n, binary(n, Tensor::add)));
        list.add(new Kernel("mul", len, Unit.GBPS, 12.0 * n, n, binary(n, Tensor::mul)));
        list.add(new Kernel("exp", len, Unit.GBPS, 8.0 * n, n, unary(Shape.of(n), Tensor::exp)));
        list.add(new Kernel("tanh", len, Unit.GBPS, 8.0 * n, n, unary(Shape.of(n), Tensor::tanh)));
        list.add(new Kernel("sum", len, Unit.GBPS, 4.0 * n, n, unary(Shape.of(n), Tensor::sum)));
        // The same kernels through the backend SPI into a preallocated output: what the kernel
        // itself achieves, without the JVM allocating and zeroing a new result array per call.
        list.add(new Kernel("add.kernel", len, Unit.GBPS, 12.0 * n, n, intoOutput(n, 2,
                (be, in, out) -> be.binary(BinaryOp.ADD, in[0], in[1], out))));
        list.add(new Kernel("exp.kernel", len, Unit.GBPS, 8.0 * n, n, intoOutput(n, 1,
                (be, in, out) -> be.unary(UnaryOp.EXP, in[0], out))));
        list.add(new Kernel("tanh.kernel", len, Unit.GBPS, 8.0 * n, n, intoOutput(n, 1,
                (be, in, out) -> be.unary(UnaryOp.TANH, in[0], out))));
        for (int[] rc : quick ? new int[][] {{256, 1024}} : new int[][] {{256, 1024}, {4096, 1000}}) {
            double elements = (double) rc[0] * rc[1];
            list.add(new Kernel("softmax", rc[0] + "x" + rc[1], Unit.GBPS, 8 * elements, elements,
                    unary(Shape.of(rc[0], rc[1]), x -> x.softmax(1))));
        }
        // Moving data between the host and the device (host to host on the CPU backends).
        list.add(new Kernel("transfer.to", len, Unit.GBPS, 4.0 * n, n, device -> {
            float[] host = new float[n];
            return () -> Tensor.fromArray(host, Shape.of(n), device);
        }));
        list.add(new Kernel("transfer.from", len, Unit.GBPS, 4.0 * n, n, device -> {
            Tensor t = random(new Rng(SEED), device, n);
            return t::toFloatArray;
        }));
        // One elementwise op on one element: the fixed cost of dispatching and launching an op.
        list.add(new Kernel("launch", "1", Unit.NS_PER_OP, 1, 0, binary(1, Tensor::add)));
        list.add(new Kernel("tiny.forward", "4", Unit.NS_PER_OP, TINY_OPS, 0, d -> tiny(d, false)));
        list.add(new Kernel("tiny.backward", "4", Unit.NS_PER_OP, TINY_OPS, 0, d -> tiny(d, true)));
        return list;
    }

    /**
     * {@code A @ B} for {@code A: [m,k]} and {@code B: [k,n]}, where a transposed operand is a
     * transposed view of a contiguous matrix, as in a backward pass.
     */
    private static Kernel gemm(int m, int k, int n, boolean transA, boolean transB) {
        String a = transA ? "(" + k + "x" + m + ")^T" : m + "x" + k;
        String b = transB ? "(" + n + "x" + k + ")^T" : k + "x" + n;
        String name = !transA && !transB && m == k && k == n ? "gemm" : "gemm.train";
        return new Kernel(name, a + " @ " + b, Unit.GFLOPS, 2.0 * m * k * n, 0, device -> {
            Rng rng = new Rng(SEED);
            Tensor left = transA ? random(rng, device, k, m).mT() : random(rng, device, m, k);
            Tensor right = transB ? random(rng, device, n, k).mT() : random(rng, device, k, n);
            return () -> left.matmul(right);
        });
    }

    private static Function<Device, Supplier<?>> binary(int n, BinaryOperator<Tensor> op) {
        return device -> {
            Rng rng = new Rng(SEED);
            Tensor a = random(rng, device, n);
            Tensor b = random(rng, device, n);
            return () -> op.apply(a, b);
        };
    }

    /** A backend primitive writing into an output allocated once. */
    private interface Primitive {
        void run(Backend backend, Strided[] inputs, Strided out);
    }

    private static Function<Device, Supplier<?>> intoOutput(int n, int inputs, Primitive primitive) {
        return device -> {
            Rng rng = new Rng(SEED);
            Strided[] in = new Strided[inputs];
            for (int i = 0; i < inputs; i++) {
                in[i] = random(rng, device, n).strided();
            }
            Tensor out = Tensor.zeros(Shape.of(n), DType.F32, device);
            return () -> {
                primitive.run(out.backend(), in, out.strided());
                return out;
            };
        };
    }

    private static Function<Device, Supplier<?>> unary(Shape shape, UnaryOperator<Tensor> op) {
        return device -> {
            Tensor x = random(new Rng(SEED), device, shape.dims());
            return () -> op.apply(x);
        };
    }

    /** The five-op chain on 4-element tensors, forward only or forward and backward. */
    private static Supplier<?> tiny(Device device, boolean backward) {
        Rng rng = new Rng(SEED);
        Tensor x = random(rng, device, 4).requiresGrad(true);
        Tensor w = random(rng, device, 4).requiresGrad(true);
        Tensor b = random(rng, device, 4).requiresGrad(true);
        return () -> {
            Tensor y = x.mul(w).add(b).tanh().mul(x).sum();
            if (backward) {
                y.backward();
            }
            return y;
        };
    }

    private static Tensor random(Rng rng, Device device, int... dims) {
        return Tensor.randn(rng, Shape.of(dims), DType.F32, device);
    }
}
