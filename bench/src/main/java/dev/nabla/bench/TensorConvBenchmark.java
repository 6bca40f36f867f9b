package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Convolution;
import dev.nabla.autodiff.functional.Pooling;
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
 * The window benchmarks' shapes ({@link WindowCase}) through the autodiff API, as a model runs
 * them (F32, simd device, no bias): {@code conv2d} forward, forward + backward to input and
 * weight ({@code train}), and for the pooling shapes 2x2 {@code maxPool2d} and {@code avgPool2d}
 * forward; each call allocates its results. {@code forward} and {@code train} of a pooling shape
 * time max pooling. Run:
 * {@code java -jar bench/target/benchmarks.jar TensorConvBenchmark -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dnabla.threads=1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class TensorConvBenchmark {
    @Param({"lenet.conv1", "lenet.conv2", "conv3x3", "lenet.pool1", "lenet.pool2"})
    public String shape;

    private WindowCase c;
    private Tensor x;
    private Tensor weight;
    private Tensor grad;
    private ConvOptions options;

    @Setup
    public void setUp() {
        c = WindowCase.of(shape);
        int[] in = c.input().dims();
        x = Operands.randn("simd", 1, in).requiresGrad(c.out() > 0);
        if (c.out() > 0) {
            weight = Operands.randn("simd", 2, c.out(), in[1], c.window().kernelH(), c.window().kernelW())
                    .requiresGrad(true);
            grad = Operands.randn("simd", 3, in[0], c.out(), c.outH(), c.outW());
            options = ConvOptions.DEFAULT.padding(c.window().padH());
        }
    }

    @Benchmark
    public Tensor forward() {
        return c.out() > 0 ? Convolution.conv2d(x, weight, null, options) : Pooling.maxPool2d(x, 2);
    }

    @Benchmark
    public Tensor train() {
        Tensor y = forward();
        if (c.out() > 0) {
            y.backward(grad);
            x.zeroGrad();
            weight.zeroGrad();
        }
        return y;
    }

    @Benchmark
    public Tensor avgPool2d() {
        return c.out() > 0 ? x : Pooling.avgPool2d(x, 2);
    }
}
