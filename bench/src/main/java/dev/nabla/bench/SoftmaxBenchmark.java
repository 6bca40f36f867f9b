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
 * Row softmax and log-softmax of an F32 {@code [rows, cols]} matrix (a batch of logits), forward
 * only; at least 8 bytes move per element (one read, one write). Run:
 * {@code java -jar bench/target/benchmarks.jar SoftmaxBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Operands.ADD_VECTOR_MODULE)
public class SoftmaxBenchmark {
    @Param({"256x1024", "4096x1000"})
    public String shape;

    @Param({"simd"})
    public String device;

    private Tensor logits;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        logits = Operands.randn(device, 1, Integer.parseInt(dims[0]), Integer.parseInt(dims[1]));
    }

    @Benchmark
    public Tensor softmax() {
        return logits.softmax(1);
    }

    @Benchmark
    public Tensor logSoftmax() {
        return logits.logSoftmax(1);
    }
}
