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
 * Reductions of {@code n} F32 elements: the full sum and max (4 bytes read per element), and the
 * sum over the rows of an {@code [n/1000, 1000]} matrix, which reduces across rows rather than
 * along them. Run: {@code java -jar bench/target/benchmarks.jar ReductionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class ReductionBenchmark {
    @Param({"10000000"})
    public int n;

    @Param({"simd"})
    public String device;

    private Tensor x;
    private Tensor matrix;

    @Setup
    public void setUp() {
        x = Operands.randn(device, 1, n);
        matrix = x.reshape(n / 1000, 1000);
    }

    @Benchmark
    public Tensor sum() {
        return x.sum();
    }

    @Benchmark
    public Tensor max() {
        return x.max();
    }

    @Benchmark
    public Tensor sumOverRows() {
        return matrix.sum(0, false);
    }
}
