package dev.nabla.bench.harness;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import dev.nabla.tensor.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Measures the roofs, then every selected kernel, printing one table row per result as it comes.
 * This is what {@code nabla bench} runs; it uses plain timing ({@link Stopwatch}), not JMH, so
 * that it needs nothing beyond the engine itself.
 */
public final class Harness {
    private static final String ROW = "%-14s %-24s %-5s %7s %10s %-8s %6s  %s%n";

    /**
     * What to run.
     *
     * @param device the device every kernel runs on
     * @param quick  fewer sizes and shorter timing, for smoke tests
     * @param only   kernels whose {@link Kernel#label()} this pattern finds are run; null for all
     */
    public record Options(Device device, boolean quick, Pattern only) {
    }

    private Harness() {
    }

    /**
     * Runs the benchmark and prints the table to {@code out}.
     *
     * @return the roofs first, then one result per selected kernel, in table order
     */
    public static List<Result> run(Options options, PrintWriter out) {
        Device device = options.device();
        int threads = threads(device);
        Stopwatch watch = options.quick() ? Stopwatch.QUICK : Stopwatch.FULL;
        out.printf(Locale.ROOT, "nabla bench: device %s, %d thread%s (-Dnabla.threads), java %s%n",
                device, threads, threads == 1 ? "" : "s", System.getProperty("java.version"));
        out.println("measuring roofs ...");
        out.flush();
        Roofs roofs = Roofs.measure(options.quick());
        List<Result> results = new ArrayList<>(roofResults(roofs));
        out.printf(Locale.ROOT, "roofs: %d-lane vector FMA, %d cores; copy counts bytes read + written%n",
                roofs.lanes(), roofs.cores());
        out.printf(ROW, "name", "shape", "dtype", "threads", "value", "unit", "roof", "");
        results.forEach(r -> printRow(out, r));
        for (Kernel k : Kernels.all(options.quick())) {
            if (options.only() != null && !options.only().matcher(k.label()).find()) {
                continue;
            }
            Supplier<?> call = completed(k.prepare().apply(device));
            double nanos = watch.nanosPerCall(call);
            double value = k.value(nanos);
            Double fraction = switch (k.unit()) {
                case GFLOPS -> value / roofs.fma(threads);
                case GBPS -> value / roofs.copy(threads);
                case NS_PER_OP -> null;
            };
            Result r = new Result(k.name(), k.shape(), "F32", device.toString(), threads, value,
                    k.unit().label(), fraction, nanos, k.elements() > 0 ? k.elements() / nanos : null);
            results.add(r);
            printRow(out, r);
        }
        return results;
    }

    /**
     * Writes {@code results} as a JSON array of {@link Result#toJson()} objects, atomically: a
     * temporary file next to {@code file} is renamed over it, so no half-written file is left.
     */
    public static void writeJson(Path file, List<Result> results) throws IOException {
        writeJsonRecords(file, results.stream().map(Result::toJson).toList());
    }

    /**
     * Writes {@code records} as a JSON array of objects, atomically: a temporary file next to
     * {@code file} is renamed over it, so no half-written file is left.
     */
    public static void writeJsonRecords(Path file, List<Map<String, Object>> records) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, Json.write(records) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Threads a device computes with: the SIMD backend's pool size ({@code -Dnabla.threads},
     * default all processors); other backends run on the calling thread.
     */
    public static int threads(Device device) {
        if (!device.type().equals(Device.SIMD.type())) {
            return 1;
        }
        String requested = System.getProperty("nabla.threads");
        if (requested == null || requested.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(requested.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("nabla.threads: expected a positive integer, got '" + requested + "'", e);
        }
    }

    private static List<Result> roofResults(Roofs roofs) {
        int all = roofs.cores();
        String cores = all + " cores";
        return List.of(
                roof("roof.fma", "1 core", 1, roofs.fmaOne(), Kernel.Unit.GFLOPS),
                roof("roof.fma", cores, all, roofs.fmaAll(), Kernel.Unit.GFLOPS),
                roof("roof.copy", "1 core", 1, roofs.copyOne(), Kernel.Unit.GBPS),
                roof("roof.copy", cores, all, roofs.copyAll(), Kernel.Unit.GBPS));
    }

    private static Result roof(String name, String shape, int threads, double value, Kernel.Unit unit) {
        return new Result(name, shape, "F32", "cpu", threads, value, unit.label(), 1.0, null, null);
    }

    private static void printRow(PrintWriter out, Result r) {
        String value = String.format(Locale.ROOT, r.value() >= 100 ? "%.1f" : "%.3g", r.value());
        String roof = r.roofFraction() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.roofFraction());
        String note = r.elementsPerNs() == null ? "" : String.format(Locale.ROOT, "%.3g elem/ns", r.elementsPerNs());
        out.printf(Locale.ROOT, ROW, r.name(), r.shape(), r.dtype(), r.threads(), value, r.unit(), roof, note);
        out.flush();
    }

    /**
     * The call, returning only once its result exists: a device such as OpenCL queues work and
     * returns at once, so reading one element of a result tensor waits for it (on the host
     * backends that read costs nanoseconds).
     */
    private static Supplier<?> completed(Supplier<?> call) {
        return () -> {
            Object result = call.get();
            if (result instanceof Tensor t && t.numel() > 0) {
                View first = View.of(Shape.scalar(), new int[0], t.strided().view().offset());
                t.alias(first).item();
            }
            return result;
        };
    }
}
