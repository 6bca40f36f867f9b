package dev.nabla.bench;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Module;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.presets.Preset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inference of the {@code mlp} preset (784-256-128-10 with ReLUs) on a batch of 256, F32, two
 * threads, two ways: {@code sequential} is the model's own forward, where each dense layer and
 * the ReLU after it run as one product with the bias and the ReLU in its epilogue
 * ({@code Backend.matmulAddRelu}); {@code moduleByModule} calls the same modules one at a time,
 * a product with the bias in its epilogue and then a separate ReLU pass over a new tensor (65,536
 * and 32,768 elements). The products are 120 MFLOP a batch.
 * Run: {@code java -jar bench/target/benchmarks.jar DenseReluBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {Operands.ADD_VECTOR_MODULE, "-Dnabla.threads=2"})
public class DenseReluBenchmark {
    private static final int BATCH = 256;

    private Sequential model;
    private List<Module> modules;
    private Tensor x;

    @Setup
    public void setUp() {
        Rng rng = new Rng(1);
        Shape image = Shape.of(1, 28, 28);
        model = Preset.MLP.create(image, 10, rng, DType.F32, Device.SIMD);
        model.eval();
        modules = model.children();
        x = Tensor.randn(rng, Shape.of(BATCH, 1, 28, 28), DType.F32, Device.SIMD);
    }

    @Benchmark
    public Tensor sequential() {
        try (GradMode.Scope s = GradMode.disable()) {
            return model.call(x);
        }
    }

    @Benchmark
    public Tensor moduleByModule() {
        try (GradMode.Scope s = GradMode.disable()) {
            Tensor y = x;
            for (Module m : modules) {
                y = m.call(y);
            }
            return y;
        }
    }
}
