package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
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
 * The reference backend's speed: the baseline every optimized backend is compared with. Run:
 * {@code java -jar bench/target/benchmarks.jar ReferenceBackendBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReferenceBackendBenchmark {
    @Param({"64", "256"})
    public int n;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        Rng rng = new Rng(1);
        a = Tensor.randn(rng, Shape.of(n, n), DType.F32, Device.REFERENCE);
        b = Tensor.randn(rng, Shape.of(n, n), DType.F32, Device.REFERENCE);
    }

    /** 2 n^3 flops. */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }

    /** n^2 adds, 3 n^2 floats moved. */
    @Benchmark
    public Tensor add() {
        return a.add(b);
    }

    /** n^2 adds. */
    @Benchmark
    public Tensor sum() {
        return a.sum();
    }

    /** Forward and backward of a small composed expression with autograd. */
    @Benchmark
    public Tensor softmaxBackward() {
        Tensor x = a.detach().requiresGrad(true);
        x.softmax(1).mul(b).sum().backward();
        return x.grad();
    }
}
