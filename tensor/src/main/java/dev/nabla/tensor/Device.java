package dev.nabla.tensor;

import java.util.Locale;

/**
 * Where a tensor lives and which backend computes on it: {@code reference} (plain loops, the
 * oracle), {@code simd} (Vector API on every core) or {@code opencl:N} (device N of the OpenCL
 * runtime). Parsed from and printed as those strings.
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
     * Parses {@code reference}, {@code simd}, {@code opencl} (device 0) or {@code opencl:N}.
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
        try {
            return new Device(type, Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device: cannot parse '" + text
                    + "'; the part after ':' must be a device number, as in opencl:0", e);
        }
    }

    @Override
    public String toString() {
        return index == 0 && !type.equals("opencl") ? type : type + ":" + index;
    }
}
