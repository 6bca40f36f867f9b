package dev.nabla.bench;

import dev.nabla.tensor.Strided;
import dev.nabla.tensor.spi.Backend;
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
 * 2x2 stride-2 max pooling (values and tap indices) and average pooling of LeNet-5's feature maps
 * on the SIMD backend, at the {@code Strided} level (F32): {@code impl=simd} calls the backend's
 * kernels, {@code impl=composed} the default compositions ({@link WindowDefaults}) on the same
 * backend. Shapes: see {@link WindowCase}. Run:
 * {@code java -jar bench/target/benchmarks.jar PoolBenchmark -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dnabla.threads=1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class PoolBenchmark {
    @Param({"lenet.pool1", "lenet.pool2"})
    public String shape;

    @Param({"simd", "composed"})
    public String impl;

    private final Backend be = WindowCase.SIMD;
    private Window2d window;
    private Strided x;
    private Strided out;
    private Strided argmax;

    @Setup
    public void setUp() {
        WindowCase c = WindowCase.of(shape);
        window = c.window();
        x = WindowCase.randn(1, c.input());
        out = WindowCase.zeros(c.pooled());
        argmax = WindowCase.zeros(c.pooled());
    }

    @Benchmark
    public Strided maxPool2d() {
        if (impl.equals("simd")) {
            be.maxPool2d(x, window, out, argmax);
        } else {
            WindowDefaults.maxPool2d(be, x, window, out, argmax);
        }
        return argmax;
    }

    @Benchmark
    public Strided avgPool2d() {
        if (impl.equals("simd")) {
            be.avgPool2d(x, window, true, out);
        } else {
            WindowDefaults.avgPool2d(be, x, window, true, out);
        }
        return out;
    }
}
