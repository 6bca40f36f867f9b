package dev.nabla.tensor;

import dev.nabla.tensor.spi.Backends;
import java.util.Locale;

/**
 * Where a tensor lives and which backend computes on it: {@code reference} (plain loops, the
 * oracle), {@code simd} (Vector API on every core) or {@code opencl:N} (device N of the OpenCL
 * runtime, counted over all platforms). Parsed from and printed as those strings.
 *
 * @param type  the backend type, lower case
 * @param index the device number within that backend; 0 for the CPU backends
 */
public record Device(String type, int index) {
    /** The scalar reference backend. */
    public static final Device REFERENCE = new Device("reference", 0);
    /** The multicore SIMD backend. */
    public static final Device SIMD = new Device("simd", 0);

    public Device {
        if (type == null || type.isBlank() || !type.equals(type.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("device: type must be a non-empty lower-case name, got '" + type + "'");
        }
        if (index < 0) {
            throw new IllegalArgumentException("device: index must be >= 0, got " + index);
        }
    }

    /** OpenCL device number {@code index}. */
    public static Device opencl(int index) {
        return new Device("opencl", index);
    }

    /**
     * Parses {@code reference}, {@code simd}, {@code opencl} (device 0), {@code opencl:N} or
     * {@code opencl:NAME}, where NAME is part of a device name (case-insensitive), resolved to its
     * number by the backend's provider (see {@link dev.nabla.tensor.spi.BackendProvider#deviceIndex}).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Device parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String type = colon < 0 ? t : t.substring(0, colon);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("device: cannot parse '" + text
                    + "'; expected reference, simd, opencl or opencl:N");
        }
        if (colon < 0) {
            return new Device(type, 0);
        }
        String selector = t.substring(colon + 1);
        try {
            return new Device(type, Integer.parseInt(selector));
        } catch (NumberFormatException e) {
            if (selector.isBlank()) {
                throw new IllegalArgumentException("device: cannot parse '" + text
                        + "'; the part after ':' must be a device number, as in opencl:0", e);
            }
            return new Device(type, Backends.deviceIndex(type, selector, text));
        }
    }

    @Override
    public String toString() {
        return index == 0 && !type.equals("opencl") ? type : type + ":" + index;
    }
}
