package dev.nabla.bench;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.Window2d;
import dev.nabla.tensor.spi.WindowDefaults;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Convolution as im2col + batched matmul on the SIMD backend, at the {@code Strided} level (F32,
 * no bias): {@code im2col} and {@code col2im} alone, the forward pass
 * {@code out[n] = W [O, C*KH*KW] @ cols[n] [C*KH*KW, OH*OW]} and the backward pass
 * ({@code dcols[n] = W^T @ dout[n]} then col2im into a zeroed {@code dx}; {@code dW = sum_n dout[n] @ cols[n]^T}),
 * and both in a row ({@code train}).
 * {@code impl=simd} calls the backend's window kernels, {@code impl=composed} the default
 * compositions ({@link WindowDefaults}) on the same backend; the matrix products are the same.
 * Shapes: see {@link WindowCase}. Run:
 * {@code java -jar bench/target/benchmarks.jar ConvBenchmark -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dnabla.threads=1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class ConvBenchmark {
    @Param({"lenet.conv1", "lenet.conv2", "conv3x3"})
    public String shape;

    @Param({"simd", "composed"})
    public String impl;

    private final Backend be = WindowCase.SIMD;
    private Window2d window;
    private Strided x;
    private Strided cols;
    private Strided colsMatrix;
    private Strided weight;
    private Strided weightT;
    private Strided out;
    private Strided dout;
    private Strided dcolsMatrix;
    private Strided dcols;
    private Strided dx;
    private Strided dwBatch;
    private Strided dw;
    private Strided wideCols;
    private Strided wideMatrix;
    private Strided weightOnce;
    private Strided wideOut;
    private Strided wideOutAsBatch;

    @Setup
    public void setUp() {
        WindowCase c = WindowCase.of(shape);
        window = c.window();
        int n = c.input().dim(0);
        int k = c.patch();
        int l = c.outH() * c.outW();
        x = WindowCase.randn(1, c.input());
        cols = WindowCase.zeros(c.cols());
        colsMatrix = cols.with(View.contiguous(Shape.of(n, k, l)));
        Strided w = WindowCase.randn(2, Shape.of(c.out(), k));
        weight = w.with(View.of(Shape.of(n, c.out(), k), new int[] {0, k, 1}, 0));
        weightT = w.with(View.of(Shape.of(n, k, c.out()), new int[] {0, 1, k}, 0));
        out = WindowCase.zeros(Shape.of(n, c.out(), l));
        dout = WindowCase.randn(3, Shape.of(n, c.out(), l));
        dcolsMatrix = WindowCase.zeros(Shape.of(n, k, l));
        dcols = dcolsMatrix.with(View.contiguous(c.cols()));
        dx = WindowCase.zeros(c.input());
        dwBatch = WindowCase.zeros(Shape.of(n, c.out(), k));
        dw = WindowCase.zeros(Shape.of(1, c.out(), k));
        // [N, C, KH, KW, OH, OW] over storage [C, KH, KW, N, OH, OW]: the columns of all images
        // side by side, so that the forward pass is one [O, K] @ [K, N*L] product.
        Shape cs = c.cols();
        int taps = c.window().taps();
        wideCols = WindowCase.zeros(Shape.of(k, n * l)).with(View.of(cs, new int[] {l, taps * n * l,
            c.window().kernelW() * n * l, n * l, c.outW(), 1}, 0));
        wideMatrix = wideCols.with(View.contiguous(Shape.of(1, k, n * l)));
        weightOnce = w.with(View.contiguous(Shape.of(1, c.out(), k)));
        wideOut = WindowCase.zeros(Shape.of(1, c.out(), n * l));
        wideOutAsBatch = wideOut.with(View.of(Shape.of(n, c.out(), l), new int[] {l, n * l, 1}, 0));
        im2col();
    }

    @Benchmark
    public Strided im2col() {
        if (impl.equals("simd")) {
            be.im2col(x, window, cols);
        } else {
            WindowDefaults.im2col(be, x, window, cols);
        }
        return cols;
    }

    @Benchmark
    public Strided col2im() {
        if (impl.equals("simd")) {
            be.col2im(dcols, window, dx);
        } else {
            WindowDefaults.col2im(be, dcols, window, dx);
        }
        return dx;
    }

    @Benchmark
    public Strided forward() {
        im2col();
        be.matmul(weight, colsMatrix, out);
        return out;
    }

    /**
     * The forward pass as one product: im2col into {@code [C*KH*KW, N*OH*OW]}, one
     * {@code [O, K] @ [K, N*L]} GEMM, then the copy to {@code [N, O, L]}; a layout choice for the
     * convolution op, measured here against {@link #forward}'s N small products.
     */
    @Benchmark
    public Strided forwardOneGemm() {
        if (impl.equals("simd")) {
            be.im2col(x, window, wideCols);
        } else {
            WindowDefaults.im2col(be, x, window, wideCols);
        }
        be.matmul(weightOnce, wideMatrix, wideOut);
        be.copy(wideOutAsBatch, out);
        return out;
    }

    /** Forward then backward, as one training step of the layer computes them. */
    @Benchmark
    public Strided train() {
        forward();
        return backward();
    }

    @Benchmark
    public Strided backward() {
        be.matmul(weightT, dout, dcolsMatrix);
        be.fill(dx, 0);
        col2im();
        Shape l = colsMatrix.shape();
        Strided colsT = colsMatrix.with(View.of(Shape.of(l.dim(0), l.dim(2), l.dim(1)),
                new int[] {l.dim(1) * l.dim(2), 1, l.dim(2)}, 0));
        be.matmul(dout, colsT, dwBatch);
        be.reduce(ReduceOp.SUM, dwBatch, dw);
        return dw;
    }
}
