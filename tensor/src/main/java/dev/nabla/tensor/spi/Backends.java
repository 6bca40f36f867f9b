package dev.nabla.tensor.spi;

import dev.nabla.tensor.Device;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds backends through {@link ServiceLoader} and picks the default device: the system property
 * {@code nabla.device}, else the environment variable {@code NABLA_DEVICE}, else the available
 * auto-selectable backend of highest priority (simd when the Vector API is present, else
 * reference). OpenCL is only used when asked for.
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger("dev.nabla");
    private static final Map<Device, Backend> OPEN = new ConcurrentHashMap<>();
    private static volatile List<BackendProvider> providers;
    private static volatile Device defaultDevice;

    private Backends() {
    }

    /**
     * The backend for {@code device}, opened once and then shared.
     *
     * @throws IllegalArgumentException if no provider serves that type, or it is unavailable
     *                                  here (the message says why and what to install)
     */
    public static Backend of(Device device) {
        Backend b = OPEN.get(device);
        return b != null ? b : OPEN.computeIfAbsent(device, Backends::open);
    }

    private static Backend open(Device device) {
        BackendProvider p = providers().stream()
                .filter(x -> x.type().equals(device.type()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("device " + device + ": no backend of type '"
                        + device.type() + "' is on the class path; known types: " + knownTypes()));
        Optional<String> why = p.unavailableReason();
        if (why.isPresent()) {
            throw new IllegalArgumentException("device " + device + " is unavailable: " + why.get());
        }
        return p.open(device);
    }

    /** The device used when none is named: see the class comment. Resolved once per JVM. */
    public static Device defaultDevice() {
        Device d = defaultDevice;
        if (d == null) {
            synchronized (Backends.class) {
                if (defaultDevice == null) {
                    defaultDevice = resolveDefault();
                }
                d = defaultDevice;
            }
        }
        return d;
    }

    private static Device resolveDefault() {
        String named = System.getProperty("nabla.device");
        String source = "-Dnabla.device";
        if (named == null || named.isBlank()) {
            named = System.getenv("NABLA_DEVICE");
            source = "NABLA_DEVICE";
        }
        if (named != null && !named.isBlank()) {
            Device d = Device.parse(named);
            try {
                of(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + "=" + named + ": " + e.getMessage(), e);
            }
            return d;
        }
        List<BackendProvider> candidates = providers().stream()
                .filter(BackendProvider::autoSelectable)
                .sorted(Comparator.comparingInt(BackendProvider::priority).reversed())
                .collect(Collectors.toList());
        for (BackendProvider p : candidates) {
            Optional<String> why = p.unavailableReason();
            if (why.isEmpty()) {
                return new Device(p.type(), 0);
            }
            LOG.log(System.Logger.Level.INFO, "nabla: backend " + p.type() + " not used: " + why.get());
        }
        throw new IllegalStateException("no backend is available; the reference backend should always be:"
                + " check that nabla-tensor's META-INF/services is on the class path");
    }

    /** Device 0 of every backend type that can run here, in discovery order. */
    public static List<Device> available() {
        List<Device> devices = new ArrayList<>();
        for (BackendProvider p : providers()) {
            if (p.unavailableReason().isEmpty()) {
                devices.add(new Device(p.type(), 0));
            }
        }
        return devices;
    }

    /**
     * One line per known backend type: its availability here, followed by what the provider found
     * ({@link BackendProvider#describe()}), indented.
     */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (BackendProvider p : providers()) {
            lines.add(p.type() + ": " + p.unavailableReason().map(r -> "unavailable (" + r + ")").orElse("available"));
            for (String detail : p.describe()) {
                lines.add("  " + detail);
            }
        }
        return lines;
    }

    /**
     * The number of the {@code type} device whose name contains {@code name}; used by
     * {@link Device#parse} for forms such as {@code opencl:nvidia}.
     *
     * @param text the whole device string, for messages
     * @throws IllegalArgumentException if no provider serves {@code type}, it is unavailable, or the name matches
     *                                  no single device
     */
    public static int deviceIndex(String type, String name, String text) {
        BackendProvider p = providers().stream().filter(x -> x.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("device: cannot parse '" + text
                        + "'; the part after ':' must be a device number, as in " + type
                        + ":0 (no backend of type '" + type + "' is on the class path to look up a device by name)"));
        Optional<String> why = p.unavailableReason();
        if (why.isPresent()) {
            throw new IllegalArgumentException("device " + text + " is unavailable: " + why.get());
        }
        return p.deviceIndex(name);
    }

    private static String knownTypes() {
        return providers().stream().map(BackendProvider::type).collect(Collectors.joining(", "));
    }

    private static List<BackendProvider> providers() {
        List<BackendProvider> p = providers;
        if (p == null) {
            List<BackendProvider> found = new ArrayList<>();
            for (ServiceLoader.Provider<BackendProvider> sp : ServiceLoader.load(BackendProvider.class).stream().toList()) {
                try {
                    found.add(sp.get());
                } catch (LinkageError | RuntimeException e) {
                    // A backend whose classes cannot load here (e.g. a missing JDK module) is skipped, not fatal.
                    LOG.log(System.Logger.Level.INFO, "nabla: backend " + sp.type().getName() + " could not load: " + e);
                }
            }
            providers = p = List.copyOf(found);
        }
        return p;
    }
}
