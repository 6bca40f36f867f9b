package dev.nabla.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the benchmark table.
 *
 * @param name          the kernel family ({@link Kernel#name()}), or {@code roof.fma} / {@code roof.copy}
 * @param shape         operand shapes as printed
 * @param dtype         element type, such as {@code F32}
 * @param device        the device that ran it, such as {@code simd}
 * @param threads       threads the device used
 * @param value         the speed in {@code unit}
 * @param unit          {@code GFLOP/s}, {@code GB/s} or {@code ns/op}
 * @param roofFraction  {@code value} over the matching roof, or null when there is no roof
 * @param nanosPerCall  median wall time of one call, or null for a roof
 * @param elementsPerNs elements per nanosecond, or null when not meaningful
 */
public record Result(String name, String shape, String dtype, String device, int threads, double value,
        String unit, Double roofFraction, Double nanosPerCall, Double elementsPerNs) {

    /** The fields as a JSON object, in a fixed order; absent optional values are written as null. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("shape", shape);
        m.put("dtype", dtype);
        m.put("impl", "nabla");
        m.put("device", device);
        m.put("threads", threads);
        m.put("value", value);
        m.put("unit", unit);
        m.put("roofFraction", roofFraction);
        m.put("nsPerCall", nanosPerCall);
        m.put("elementsPerNs", elementsPerNs);
        return m;
    }
}
