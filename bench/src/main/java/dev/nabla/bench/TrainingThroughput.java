package dev.nabla.bench;

import dev.nabla.bench.harness.Harness;
import dev.nabla.bench.harness.Stopwatch;
import dev.nabla.bench.harness.Timing;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training and inference throughput of the preset models in samples per second, F32, on the
 * default device: the Java side of {@code bench/train_compare.sh}, whose PyTorch side is
 * {@code bench/pytorch/train_throughput.py} (the same cases, models, batches, optimizers and
 * timing). Each case ({@link ThroughputCase}) is prepared ({@link ThroughputWorkload}: model,
 * optimizer and synthetic data made before timing), run for the warm-up time and at least the
 * warm-up number of calls (so that the JIT has compiled the step), then timed over
 * repetitions of a fixed number of calls each ({@link Stopwatch}: the calls per repetition are
 * doubled until one lasts the minimum); the median repetition is reported, with the slowest and
 * fastest. A {@code fit} case is timed in turn with the bare training step on the same model
 * ({@link Stopwatch#timeInterleaved}), repetition by repetition, and reports its speed relative
 * to it.
 *
 * <pre>
 * mvn -B -q -o -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -Dnabla.threads=2 -cp bench/target/benchmarks.jar \
 *     dev.nabla.bench.TrainingThroughput [CASE...] [--warmup 5] [--warmup-calls 10] [--reps 7] [--min-rep 1] \
 *     [--json FILE] [--list]
 * </pre>
 */
public final class TrainingThroughput {
    /** The seed of every case's weights and data. */
    static final long SEED = 42;
    private static final String ROW = "%-18s %5s %-26s %12s %12s %12s %9s %6s%n";

    private TrainingThroughput() {
    }

    /** Runs the cases named in {@code args} (see {@link ThroughputOptions#USAGE}); exit status 2 for bad arguments. */
    public static void main(String[] args) throws IOException {
        ThroughputOptions options;
        try {
            options = ThroughputOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.list()) {
            options.cases().forEach(c -> System.out.println(c.name()));
            return;
        }
        List<ThroughputResult> results = run(options, Backends.defaultDevice(), new PrintWriter(System.out, true));
        if (options.json() != null) {
            Harness.writeJsonRecords(options.json(), results.stream().map(ThroughputResult::toJson).toList());
            System.out.println("wrote " + options.json());
        }
    }

    /**
     * Measures every case of {@code options} on {@code device}, printing a header and one row per
     * case to {@code out} as it comes.
     *
     * @return one result per case, in order
     */
    public static List<ThroughputResult> run(ThroughputOptions options, Device device, PrintWriter out) {
        int threads = Harness.threads(device);
        out.printf(Locale.ROOT, "training throughput: device %s, %d thread%s (-Dnabla.threads), F32, java %s, "
                + "load average %.2f; warm-up %.1f s and %d calls, %d repetitions of at least %.1f s%n", device,
                threads, threads == 1 ? "" : "s", System.getProperty("java.version"), loadAverage(),
                options.warmupSeconds(), options.warmupCalls(), options.repetitions(), options.minRepetitionSeconds());
        out.printf(Locale.ROOT, ROW, "case", "batch", "optimizer", "samples/s", "slowest", "fastest", "ms/step",
                "steps");
        Stopwatch watch = options.stopwatch();
        List<ThroughputResult> results = new ArrayList<>();
        for (ThroughputCase c : options.cases()) {
            ThroughputResult r;
            double load = loadAverage();
            try (ThroughputWorkload w = ThroughputWorkload.prepare(c, device, SEED)) {
                List<Timing> timings = w.reference() == null ? List.of(watch.time(w.call()))
                        : watch.timeInterleaved(List.of(w.call(), w.reference()));
                r = new ThroughputResult(c, device.toString(), threads, w.parameters(), w.stepsPerCall(),
                        w.samplesPerCall(), watch, timings.get(0), timings.size() > 1 ? timings.get(1) : null, load);
            }
            results.add(r);
            out.printf(Locale.ROOT, ROW, c.name(), c.batch(), c.optimizer().label(),
                    String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond()),
                    String.format(Locale.ROOT, "%,.0f", r.slowestSamplesPerSecond()),
                    String.format(Locale.ROOT, "%,.0f", r.fastestSamplesPerSecond()),
                    String.format(Locale.ROOT, "%.3f", r.msPerStep()), r.stepsPerRepetition());
            if (r.ratioToReference() != null) {
                out.printf(Locale.ROOT, "  bare training loop timed in turn: %,.0f samples/s; fit / bare %.3f%n",
                        r.referenceSamplesPerSecond(), r.ratioToReference());
            }
        }
        return results;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
