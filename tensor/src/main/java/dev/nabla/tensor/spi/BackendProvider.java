package dev.nabla.tensor.spi;

import dev.nabla.tensor.Device;
import java.util.List;
import java.util.Optional;

/**
 * Makes a backend known to {@link Backends}. Implementations are listed in
 * {@code META-INF/services/dev.nabla.tensor.spi.BackendProvider} and found with
 * {@link java.util.ServiceLoader}, so no module imports a backend directly.
 */
public interface BackendProvider {

    /** The device type this provider serves, e.g. {@code simd}. */
    String type();

    /** Preference when no device is named: higher wins. Ignored unless {@link #autoSelectable()}. */
    int priority();

    /** Whether this backend may be chosen without being asked for (false for GPUs). */
    boolean autoSelectable();

    /**
     * Empty when the backend can run here, else the reason it cannot and what to install,
     * e.g. {@code "jdk.incubator.vector is not present: run java with --add-modules jdk.incubator.vector"}.
     */
    Optional<String> unavailableReason();

    /**
     * Opens the backend for {@code device} (its type is {@link #type()}).
     *
     * @throws IllegalArgumentException if there is no such device, naming the ones there are
     */
    Backend open(Device device);

    /**
     * What this backend found on this machine, one line each (platforms, devices, limits), for
     * {@code nabla info}. Empty by default; never throws.
     */
    default List<String> describe() {
        return List.of();
    }

    /**
     * The number of the device whose name contains {@code name} (case-insensitive), for device
     * strings such as {@code opencl:nvidia}. By default devices are chosen by number only.
     *
     * @throws IllegalArgumentException if no device, or more than one, matches, naming the devices there are
     */
    default int deviceIndex(String name) {
        throw new IllegalArgumentException("device: " + type() + " devices are chosen by number, as in " + type()
                + ":0, got '" + name + "'; the part after ':' must be a device number");
    }
}
