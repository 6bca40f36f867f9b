package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
import dev.nabla.opencl.OpenClBackend;
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
 * The OpenCL backend: GEMM and elementwise throughput on {@code n x n} F32 tensors, each call
 * timed to completion on the device (kernels are queued asynchronously, so every benchmark waits
 * for the queue). Run: {@code java -jar bench/target/benchmarks.jar OpenClBenchmark
 * -p device=opencl:0}. GFLOP/s of matmul = 2 n^3 / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenClBenchmark {
    @Param({"opencl:0"})
    public String device;

    @Param({"1024"})
    public int n;

    private OpenClBackend backend;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        Device d = Device.parse(device);
        Rng rng = new Rng(1);
        a = Tensor.randn(rng, Shape.of(n, n), DType.F32, d);
        b = Tensor.randn(rng, Shape.of(n, n), DType.F32, d);
        backend = (OpenClBackend) a.backend();
    }

    /** 2 n^3 flops. */
    @Benchmark
    public Tensor matmul() {
        return sync(a.matmul(b));
    }

    /** n^2 adds; 12 n^2 bytes moved. */
    @Benchmark
    public Tensor add() {
        return sync(a.add(b));
    }

    /** n^2 exponentials; 8 n^2 bytes moved. */
    @Benchmark
    public Tensor exp() {
        return sync(a.exp());
    }

    /** A strided operand: the transpose added to a contiguous tensor. */
    @Benchmark
    public Tensor addTransposed() {
        return sync(a.mT().add(b));
    }

    /** n^2 adds into one value. */
    @Benchmark
    public Tensor sum() {
        return sync(a.sum());
    }

    private Tensor sync(Tensor t) {
        backend.synchronize();
        return t;
    }
}
