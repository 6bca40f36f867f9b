package dev.nabla.bench;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adagrad;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.RMSprop;
import dev.nabla.optim.SGD;
import dev.nabla.optim.Updated;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * One optimizer step on an F32 parameter of 235,146 elements (as many as the {@code mlp} preset
 * has), two ways: {@code step} is {@code Optimizer.step()}, which runs the backend's fused kernel;
 * {@code rule} is the optimizer's pure update rule, one tensor operation at a time, followed by a
 * copy into the parameter, which is what {@code step()} runs where there is no fused form. A
 * fused step reads the parameter, its gradient and its state once and writes the parameter and
 * the new state once (at least 5 x 4 bytes per element for SGD with momentum, 7 x 4 for Adam).
 * Run: {@code java -jar bench/target/benchmarks.jar OptimizerStepBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Operands.ADD_VECTOR_MODULE, "-Dnabla.threads=1"})
public class OptimizerStepBenchmark {
    private static final int ELEMENTS = 235_146;

    @Param({"sgd-momentum", "adam", "adagrad", "rmsprop", "rmsprop-centered-momentum"})
    public String optimizer;

    @Param({"simd"})
    public String device;

    private Tensor param;
    private Optimizer<?> opt;
    /** The optimizer's pure rule on the same parameter, gradient and (zero) state. */
    private Supplier<Updated> rule;

    @Setup
    public void setUp() {
        param = Operands.randn(device, 1, ELEMENTS).requiresGrad(true);
        Tensor grad = Operands.randn(device, 2, ELEMENTS).mul(1e-3);
        Tensor zeros = grad.zerosLike();
        Tensor p = param.detach();
        param.setGrad(grad);
        List<Tensor> params = List.of(param);
        switch (optimizer) {
            case "sgd-momentum" -> {
                SGD.Options o = SGD.Options.lr(0.01).withMomentum(0.9);
                opt = new SGD(params, o);
                rule = () -> SGD.update(p, grad, zeros, o);
            }
            case "adam" -> {
                Adam.Options o = new Adam.Options();
                opt = new Adam(params, o);
                rule = () -> Adam.update(p, grad, zeros, zeros, null, 1, o);
            }
            case "adagrad" -> {
                Adagrad.Options o = new Adagrad.Options();
                opt = new Adagrad(params, o);
                rule = () -> Adagrad.update(p, grad, zeros, 1, o);
            }
            case "rmsprop", "rmsprop-centered-momentum" -> {
                RMSprop.Options o = optimizer.equals("rmsprop") ? new RMSprop.Options()
                        : new RMSprop.Options().withMomentum(0.9).withCentered(true);
                opt = new RMSprop(params, o);
                rule = () -> RMSprop.update(p, grad, zeros, o.centered() ? zeros : null,
                        o.momentum() > 0 ? zeros : null, o);
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + optimizer);
        }
    }

    @Benchmark
    public Tensor step() {
        opt.step();
        return param;
    }

    @Benchmark
    public Tensor rule() {
        Tensor next = rule.get().param();
        try (GradMode.Scope s = GradMode.disable()) {
            param.detach().copyFrom(next);
        }
        return param;
    }
}
