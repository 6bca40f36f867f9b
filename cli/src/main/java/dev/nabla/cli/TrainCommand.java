package dev.nabla.cli;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.TwoMoons;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains a two-layer network on the built-in two-moons data with full-batch gradient descent,
 * written directly with tensors and autograd: {@code logits = tanh(x W1 + b1) W2 + b2}, loss =
 * cross-entropy.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a two-layer network on the built-in two-moons data (full-batch gradient descent).")
final class TrainCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--samples", defaultValue = "400", description = "Number of points (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--noise", defaultValue = "0.1", description = "Noise std of the points (default: ${DEFAULT-VALUE}).")
    private double noise;

    @Option(names = "--hidden", defaultValue = "32", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--epochs", defaultValue = "600", description = "Gradient steps (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--lr", defaultValue = "0.5", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--device", description = "reference, simd, opencl:N or opencl:NAME (default: the best available).")
    private String device;

    @Override
    public void run() {
        validate();
        Device dev = device == null ? Backends.defaultDevice() : Device.parse(device);
        PrintWriter out = spec.commandLine().getOut();
        Rng rng = new Rng(seed);
        TwoMoons data = TwoMoons.generate(samples, noise, rng.split(), DType.F32, dev);
        Tensor w1 = Tensor.randn(rng, Shape.of(2, hidden), DType.F32, dev).requiresGrad(true);
        Tensor b1 = Tensor.zeros(Shape.of(hidden), DType.F32, dev).requiresGrad(true);
        Tensor w2 = Tensor.randn(rng, Shape.of(hidden, 2), DType.F32, dev).div(Math.sqrt(hidden)).detach()
                .requiresGrad(true);
        Tensor b2 = Tensor.zeros(Shape.of(2), DType.F32, dev).requiresGrad(true);
        List<Tensor> params = List.of(w1, b1, w2, b2);
        Tensor targets = data.labels().unsqueeze(1);

        out.printf("nabla train: two-moons, %d points, 2-%d-2 network, %d full-batch steps, lr %s, device %s%n",
                samples, hidden, epochs, learningRate, dev);
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Tensor logits = data.features().matmul(w1).add(b1).tanh().matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).gather(1, targets).mean().neg();
            params.forEach(Tensor::zeroGrad);
            loss.backward();
            try (GradMode.Scope s = GradMode.disable()) {
                for (Tensor p : params) {
                    p.copyFrom(p.sub(p.grad().mul(learningRate)));
                }
                if (epoch == 1 || epoch % Math.max(1, epochs / 10) == 0 || epoch == epochs) {
                    double accuracy = logits.argmax(1, false).eq(data.labels()).mean().item();
                    out.printf("step %5d  loss %.4f  accuracy %.1f%%%n", epoch, loss.item(), 100 * accuracy);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (GradMode.Scope s = GradMode.disable()) {
            Tensor logits = data.features().matmul(w1).add(b1).tanh().matmul(w2).add(b2);
            double accuracy = logits.argmax(1, false).eq(data.labels()).mean().item();
            out.printf("final training accuracy %.1f%% in %.2f s%n", 100 * accuracy, seconds);
        }
        out.flush();
    }

    private void validate() {
        require(samples >= 2, "--samples must be at least 2, got " + samples);
        require(hidden >= 1, "--hidden must be at least 1, got " + hidden);
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be positive, got " + learningRate);
        require(noise >= 0 && Double.isFinite(noise), "--noise must be >= 0, got " + noise);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
