package dev.nabla.bench;

import dev.nabla.augment.HostImage;
import dev.nabla.augment.ImageAugmenter;
import dev.nabla.augment.ImageTransform;
import dev.nabla.augment.RandomRotation;
import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.bench.harness.Stopwatch;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.Batch;
import dev.nabla.data.BatchIterator;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import dev.nabla.data.MnistDataset;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.SGD;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Does augmentation keep up with training? Measures, on MNIST: single-thread transform rates
 * (a rotation of a {@code [1, 28, 28]} and a {@code [3, 32, 32]} image, the rotation + shift + flip
 * pipeline), the loader's throughput in samples/s with that pipeline for 0, 1 and 2 workers
 * ({@link LoaderThroughput} measures it without), the samples/s a LeNet-5 training step consumes at batch 64 (forward, backward, SGD
 * update), and training fed by the augmented loader. Every figure is a median of repeated runs.
 *
 * <p>Usage: {@code AugmentThroughput [MNIST_DIR] [--quick]}; MNIST_DIR defaults to
 * {@code ../shared/data/mnist}. See docs/performance.md.
 */
public final class AugmentThroughput {
    private static final int BATCH = 64;
    /** Training steps run this long before any is timed. */
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private AugmentThroughput() {
    }

    /** Runs the measurements and prints them; arguments {@code [MNIST_DIR] [--quick]}. */
    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path dir = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("../shared/data/mnist"));
        if (!Files.isDirectory(dir)) {
            System.err.println("AugmentThroughput: no MNIST folder at " + dir + "; pass it as the first argument");
            System.exit(2);
        }
        ArrayDataset mnist = MnistDataset.train(dir);
        int n = quick ? 2_000 : 10_000;
        Dataset part = mnist.subset(java.util.stream.IntStream.range(0, n).toArray());
        ImageAugmenter augmenter = ImageAugmenter.builder().rotationRange(15).widthShiftRange(0.1)
                .heightShiftRange(0.1).horizontalFlip(true).rescale(1 / 255.0).seed(0).build();
        Stopwatch watch = quick ? Stopwatch.QUICK : Stopwatch.FULL;

        System.out.printf(Locale.ROOT, "augment throughput: %d MNIST samples, batch %d, device %s, %d cores, java %s, "
                + "load average %.1f%n", n, BATCH, Backends.defaultDevice(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("transforms, one thread (images/s):");
        HostImage digit = HostImage.of(mnist.get(0).features());
        HostImage colour = new HostImage(random(3 * 32 * 32), 3, 32, 32);
        transformRate("rotation [1, 28, 28]", new RandomRotation(20), digit, watch);
        transformRate("rotation [3, 32, 32]", new RandomRotation(20), colour, watch);
        transformRate("rotation+shift+flip [1, 28, 28]", augmenter, digit, watch);

        System.out.println("loader over the samples with rotation+shift+flip, batches of " + BATCH + " (samples/s):");
        double[] augmented = new double[3];
        for (int workers = 0; workers <= 2; workers++) {
            try (DataLoader loader = augmenter.flow(part).batchSize(BATCH).workers(workers).build()) {
                augmented[workers] = LoaderThroughput.samplesPerSecond(loader, watch);
            }
            System.out.printf(Locale.ROOT, "  %d worker%s %,12.0f%n", workers, workers == 1 ? " " : "s", augmented[workers]);
        }

        double consumed = lenetRate(part, quick ? 5 : 50);
        System.out.printf(Locale.ROOT, "LeNet-5 training step (forward + backward + SGD), batch %d: %,.0f samples/s%n",
                BATCH, consumed);
        for (int workers = 1; workers <= 2; workers++) {
            System.out.printf(Locale.ROOT, "  augmented loader / training, %d worker%s: %.1fx%n", workers,
                    workers == 1 ? "" : "s", augmented[workers] / consumed);
        }
        for (int workers = 1; workers <= 2; workers++) {
            try (DataLoader loader = augmenter.flow(part).batchSize(BATCH).workers(workers).build()) {
                System.out.printf(Locale.ROOT, "training fed by the augmented loader, %d worker%s: %,.0f samples/s%n",
                        workers, workers == 1 ? "" : "s", fedTrainingRate(loader, quick ? 10 : 100));
            }
        }
    }

    private static float[] random(int n) {
        float[] v = new float[n];
        new Rng(1).fillUniform(v, 0, 255);
        return v;
    }

    private static void transformRate(String label, ImageTransform t, HostImage image, Stopwatch watch) {
        Rng rng = new Rng(2);
        double nanos = watch.nanosPerCall(() -> t.apply(image, rng));
        System.out.printf(Locale.ROOT, "  %-34s %,12.0f%n", label, 1e9 / nanos);
    }

    private static Sequential lenet() {
        Rng.manualSeed(5);
        return new Sequential(
                new Conv2d(1, 6, 5, ConvOptions.DEFAULT.padding(2)), Activation.relu(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), Activation.relu(), new MaxPool2d(2),
                new Flatten(),
                new Linear(16 * 5 * 5, 120), Activation.relu(),
                new Linear(120, 84), Activation.relu(),
                new Linear(84, 10));
    }

    /** Median samples/s of training steps on one fixed batch (the data is ready: training alone). */
    private static double lenetRate(Dataset data, int steps) {
        Batch batch;
        try (DataLoader loader = DataLoader.builder(data).batchSize(BATCH).shuffle(0).build()) {
            batch = loader.iterator(0).next();
        }
        Trainer trainer = new Trainer();
        long warmUntil = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < 5 || System.nanoTime() < warmUntil; i++) {
            trainer.step(batch);   // until the JIT has compiled the whole step
        }
        double[] rates = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            trainer.step(batch);
            rates[i] = BATCH / ((System.nanoTime() - start) / 1e9);
        }
        return median(rates);
    }

    /** Samples/s of training on the loader's batches (epoch after epoch), waiting for them as a training loop does. */
    private static double fedTrainingRate(DataLoader loader, int steps) {
        Trainer trainer = new Trainer();
        long warmUntil = System.nanoTime() + WARMUP_NANOS;
        long start = 0;
        long samples = 0;
        int timed = 0;
        for (int epoch = 0; timed < steps; epoch++) {
            try (BatchIterator batches = loader.iterator(epoch)) {
                while (batches.hasNext() && timed < steps) {
                    Batch b = batches.next();
                    trainer.step(b);
                    if (start == 0) {
                        start = System.nanoTime() >= warmUntil ? System.nanoTime() : 0;
                    } else {
                        samples += b.size();
                        timed++;
                    }
                }
            }
        }
        return samples / ((System.nanoTime() - start) / 1e9);
    }

    /** A LeNet-5 with cross-entropy and plain SGD. */
    private static final class Trainer {
        private final Sequential model = lenet();
        private final CrossEntropyLoss loss = new CrossEntropyLoss();
        private final SGD sgd = new SGD(model.parameters(), SGD.Options.lr(0.01));

        void step(Batch b) {
            sgd.zeroGrad();
            Tensor l = loss.apply(model.call(b.features()), b.labels());
            l.backward();
            sgd.step();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
