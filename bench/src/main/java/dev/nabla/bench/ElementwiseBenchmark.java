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
 * Elementwise F32 kernels on {@code n} floats. Bytes moved per call: 12 n for add and mul (two
 * reads, one write), 8 n for exp and tanh. At 10^7 the operands are far larger than the caches,
 * so GB/s is compared with the copy bandwidth. Run:
 * {@code java -jar bench/target/benchmarks.jar ElementwiseBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class ElementwiseBenchmark {
    @Param({"10000000"})
    public int n;

    @Param({"simd"})
    public String device;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        a = Operands.randn(device, 1, n);
        b = Operands.randn(device, 2, n);
    }

    @Benchmark
    public Tensor add() {
        return a.add(b);
    }

    @Benchmark
    public Tensor mul() {
        return a.mul(b);
    }

    @Benchmark
    public Tensor exp() {
        return a.exp();
    }

    @Benchmark
    public Tensor tanh() {
        return a.tanh();
    }
}
