package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
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
 * The reference backend's speed on small sizes: the baseline every optimized backend is compared
 * with. The same methods run on the SIMD backend with {@code -p device=simd}. Run:
 * {@code java -jar bench/target/benchmarks.jar ReferenceBackendBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class ReferenceBackendBenchmark {
    @Param({"64", "256"})
    public int n;

    @Param({"reference"})
    public String device;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        a = Operands.randn(device, 1, n, n);
        b = Operands.randn(device, 2, n, n);
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

    /** n^2 exponentials. */
    @Benchmark
    public Tensor exp() {
        return a.exp();
    }

    /** Row softmax of an [n, n] matrix. */
    @Benchmark
    public Tensor softmax() {
        return a.softmax(1);
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
