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
 * F32 matrix products through {@code Tensor.matmul}: square sizes and the shapes of a 784-256
 * dense layer (forward, input gradient, weight gradient) at batch 64 and 256. A shape is
 * {@code MxKxN}, with {@code :ta} or {@code :tb} when that operand is a transposed view, as in a
 * backward pass. GFLOP/s = 2 M K N / time. Run:
 * {@code java -jar bench/target/benchmarks.jar GemmBenchmark -p shape=512x512x512}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class GemmBenchmark {
    @Param({"128x128x128", "256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
        "64x784x256", "64x256x784:tb", "784x64x256:ta", "256x784x256", "256x256x784:tb", "784x256x256:ta"})
    public String shape;

    @Param({"simd"})
    public String device;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        String[] parts = shape.split(":");
        String[] dims = parts[0].split("x");
        int m = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        int n = Integer.parseInt(dims[2]);
        String trans = parts.length > 1 ? parts[1] : "";
        a = trans.equals("ta") ? Operands.randn(device, 1, k, m).mT() : Operands.randn(device, 1, m, k);
        b = trans.equals("tb") ? Operands.randn(device, 2, n, k).mT() : Operands.randn(device, 2, k, n);
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
