package dev.nabla.opencl;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BackendProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Registers the OpenCL backend: used only when asked for ({@code opencl:N} or
 * {@code opencl:NAME}), never chosen by default. This class refers to no JOCL type, so it loads
 * on machines without OpenCL (or without the JOCL jar) and reports why the backend is unavailable.
 */
public final class OpenClProvider implements BackendProvider {
    @Override
    public String type() {
        return "opencl";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public boolean autoSelectable() {
        return false;
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            return Optional.ofNullable(ClRuntime.discovery().failure());
        } catch (LinkageError e) {
            return Optional.of("the JOCL classes could not be loaded (" + e + "); put org.jocl:jocl on the class path");
        }
    }

    @Override
    public List<String> describe() {
        try {
            ClRuntime.Discovery d = ClRuntime.discovery();
            List<String> lines = new ArrayList<>(d.platforms());
            d.devices().forEach(x -> lines.add(x.describe()));
            return lines;
        } catch (LinkageError e) {
            return List.of();
        }
    }

    @Override
    public int deviceIndex(String name) {
        List<ClDeviceInfo> devices = ClRuntime.discovery().devices();
        String needle = name.toLowerCase(Locale.ROOT);
        List<ClDeviceInfo> matches = devices.stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("device opencl:" + name + ": " + (matches.isEmpty() ? "no" : "more than one")
                    + " OpenCL device name contains '" + name + "'; the devices are: " + names(devices)
                    + "; use opencl:N or a more specific part of a name");
        }
        return matches.get(0).index();
    }

    @Override
    public Backend open(Device device) {
        List<ClDeviceInfo> devices = ClRuntime.discovery().devices();
        if (device.index() >= devices.size()) {
            throw new IllegalArgumentException("device " + device + ": there are " + devices.size()
                    + " OpenCL devices: " + names(devices) + "; use one of those numbers");
        }
        return new OpenClBackend(devices.get(device.index()));
    }

    private static String names(List<ClDeviceInfo> devices) {
        return devices.stream().map(d -> "opencl:" + d.index() + " (" + d.name() + ")").collect(Collectors.joining(", "));
    }
}
