package dev.nabla.bench;

import dev.nabla.bench.harness.Stopwatch;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.Batch;
import dev.nabla.data.DataLoader;
import dev.nabla.data.MnistDataset;
import dev.nabla.data.Normalizer;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * DataLoader throughput on the MNIST training set (60,000 samples {@code [1, 28, 28]}): samples
 * per second delivered by one shuffled epoch of batches of 64, for 0, 1 and 2 worker threads,
 * the median of 11 epochs after 1 s of warm-up ({@link Stopwatch#FULL}). The consumer does
 * nothing but take the batches, so this is the loader's ceiling.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     dev.nabla.bench.LoaderThroughput [MNIST_DIR] [--quick]
 * </pre>
 */
public final class LoaderThroughput {
    private static final int BATCH_SIZE = 64;
    private static final int[] WORKERS = {0, 1, 2};

    /**
     * One measured loader setting.
     *
     * @param name      what the row shows, e.g. "plain" or "rescale 1/255 per batch"
     * @param configure adds the transforms of this setting to a builder
     */
    public record Setting(String name, UnaryOperator<DataLoader.Builder> configure) {
    }

    private LoaderThroughput() {
    }

    /** The settings measured: plain batching, and batching with per-batch rescaling. */
    public static List<Setting> settings() {
        Normalizer rescale = Normalizer.rescale(1 / 255.0);
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("plain", b -> b));
        settings.add(new Setting("rescale 1/255 per batch", b -> b.batchTransform(rescale.batchTransform())));
        return settings;
    }

    /**
     * Samples per second of whole epochs of {@code loader}, the median over the stopwatch's runs.
     * Each timed call iterates one full epoch (a new shuffle each time).
     */
    public static double samplesPerSecond(DataLoader loader, Stopwatch watch) {
        double nanos = watch.nanosPerCall(() -> {
            long samples = 0;
            for (Batch b : loader) {
                samples += b.size();
            }
            return samples;
        });
        return loader.numSamples() / (nanos * 1e-9);
    }

    /** Prints one row per (setting, workers): samples/s and the ratio to 0 workers. */
    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/data/mnist");
        ArrayDataset train = MnistDataset.train(dir);
        Stopwatch watch = quick ? Stopwatch.QUICK : Stopwatch.FULL;
        System.out.printf(Locale.ROOT, "loader throughput: MNIST train (%d samples), batch %d, shuffled, device %s, "
                + "%d cores, java %s%n", train.size(), BATCH_SIZE, Backends.defaultDevice(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-28s %7s %12s %8s%n", "setting", "workers", "samples/s", "vs 0");
        for (Setting s : settings()) {
            double base = 0;
            for (int workers : WORKERS) {
                DataLoader.Builder builder = DataLoader.builder(train).batchSize(BATCH_SIZE).shuffle(0).workers(workers);
                try (DataLoader loader = s.configure().apply(builder).build()) {
                    double rate = samplesPerSecond(loader, watch);
                    base = workers == 0 ? rate : base;
                    System.out.printf(Locale.ROOT, "%-28s %7d %12.0f %7.2fx%n", s.name(), workers, rate, rate / base);
                }
            }
        }
    }
}
