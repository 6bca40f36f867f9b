package dev.nabla.simd;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BackendProvider;
import java.util.Optional;

/**
 * Registers the SIMD backend. It refers to no Vector API class itself, so it loads on a JVM
 * started without {@code --add-modules jdk.incubator.vector}, and then reports why the backend
 * is unavailable instead of failing with {@code NoClassDefFoundError}.
 */
public final class SimdProvider implements BackendProvider {
    @Override
    public String type() {
        return Device.SIMD.type();
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean autoSelectable() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Optional.of("the Vector API module is not loaded: start java with"
                    + " --add-modules jdk.incubator.vector");
        }
        return Optional.empty();
    }

    @Override
    public Backend open(Device device) {
        if (device.index() != 0) {
            throw new IllegalArgumentException("device " + device + ": the simd backend has only device 0");
        }
        return SimdBackend.INSTANCE;
    }
}
