package dev.nabla.bench;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Optimizer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.Trainer;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ThroughputCase} made ready to time: the model (from its preset, F32), the optimizer
 * and synthetic MNIST-shaped data (normal images {@code [N, 1, 28, 28]}, labels drawn uniformly
 * from {@code 0..9}, both from a fixed seed) are created here, before any timing, so a timed call
 * does only the step's own work.
 *
 * <ul>
 *   <li>{@code train}: {@code forward, crossEntropy, zeroGrad, backward, step} on one batch;</li>
 *   <li>{@code infer}: {@code forward} in evaluation mode inside {@link GradMode#disable()};</li>
 *   <li>{@code fit}: one epoch of {@link Trainer#fit} over a {@link DataLoader} (shuffled, no
 *       worker threads) on {@value #FIT_BATCHES} batches of in-memory samples, so the loader's
 *       batching and the trainer's bookkeeping are timed with the steps; its {@link #reference()}
 *       is the {@code train} case's step on the same model, to be timed in turn with it.</li>
 * </ul>
 */
final class ThroughputWorkload implements AutoCloseable {
    /** Batches in the epoch that one call of a {@code fit} case trains on. */
    static final int FIT_BATCHES = 16;
    private static final Shape IMAGE = Shape.of(1, 28, 28);
    private static final int CLASSES = 10;

    private final Supplier<Object> call;
    private final Supplier<Object> reference;
    private final int stepsPerCall;
    private final int samplesPerCall;
    private final long parameters;
    private final Runnable release;

    private ThroughputWorkload(Supplier<Object> call, Supplier<Object> reference, int stepsPerCall,
            int samplesPerCall, long parameters, Runnable release) {
        this.call = call;
        this.reference = reference;
        this.stepsPerCall = stepsPerCall;
        this.samplesPerCall = samplesPerCall;
        this.parameters = parameters;
        this.release = release;
    }

    /** Builds the model, optimizer and data of {@code c} on {@code device}, all drawn from {@code seed}. */
    static ThroughputWorkload prepare(ThroughputCase c, Device device, long seed) {
        Rng rng = new Rng(seed);
        Sequential model = c.model().create(IMAGE, CLASSES, rng, DType.F32, device);
        long parameters = model.parameterCount();
        return switch (c.mode()) {
            case TRAIN -> new ThroughputWorkload(trainStep(c, model, rng, device), null, 1, c.batch(), parameters,
                    () -> { });
            case INFER -> {
                Tensor x = images(rng, c.batch(), device);
                model.eval();
                yield new ThroughputWorkload(() -> {
                    try (GradMode.Scope s = GradMode.disable()) {
                        return model.call(x);
                    }
                }, null, 1, c.batch(), parameters, () -> { });
            }
            case FIT -> {
                int n = FIT_BATCHES * c.batch();
                float[] values = new float[n * IMAGE.numel()];
                rng.fillNormal(values, 0, 1);
                ArrayDataset data = ArrayDataset.ofFloats(values, IMAGE, labelValues(rng, n), List.of(), device);
                DataLoader loader = DataLoader.builder(data).batchSize(c.batch()).shuffle(seed).device(device).build();
                Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), c.optimizer().create(model.parameters()))
                        .build();
                int[] epochs = {0};
                Supplier<Object> bare = trainStep(c, model, rng, device);
                yield new ThroughputWorkload(() -> trainer.fit(loader, null, ++epochs[0]), bare, FIT_BATCHES, n,
                        parameters, loader::close);
            }
        };
    }

    /** The bare training step of {@code c} on {@code model}, with its own optimizer and one batch. */
    private static Supplier<Object> trainStep(ThroughputCase c, Sequential model, Rng rng, Device device) {
        Tensor x = images(rng, c.batch(), device);
        Tensor y = labels(rng, c.batch(), device);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Optimizer<?> optimizer = c.optimizer().create(model.parameters());
        return () -> {
            Tensor value = loss.apply(model.call(x), y);
            optimizer.zeroGrad();
            value.backward();
            optimizer.step();
            return value;
        };
    }

    /** One timed call: one step, or one epoch of steps for a {@code fit} case. */
    Supplier<Object> call() {
        return call;
    }

    /** A {@code fit} case's bare training step of {@link ThroughputCase#batch()} samples, or null. */
    Supplier<Object> reference() {
        return reference;
    }

    /** Training or inference steps per call. */
    int stepsPerCall() {
        return stepsPerCall;
    }

    /** Samples per call. */
    int samplesPerCall() {
        return samplesPerCall;
    }

    /** The model's number of parameters, to check that both sides built the same model. */
    long parameters() {
        return parameters;
    }

    /** Stops what the workload holds (a {@code fit} case's loader). */
    @Override
    public void close() {
        release.run();
    }

    private static Tensor images(Rng rng, int n, Device device) {
        return Tensor.randn(rng, Shape.of(n, 1, 28, 28), DType.F32, device);
    }

    private static Tensor labels(Rng rng, int n, Device device) {
        return Tensor.fromArray(labelValues(rng, n), Shape.of(n), device);
    }

    private static float[] labelValues(Rng rng, int n) {
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(CLASSES);
        }
        return labels;
    }
}
