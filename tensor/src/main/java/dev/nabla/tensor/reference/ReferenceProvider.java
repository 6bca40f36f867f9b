package dev.nabla.tensor.reference;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BackendProvider;
import java.util.Optional;

/** Registers the reference backend: always available, lowest priority. */
public final class ReferenceProvider implements BackendProvider {
    @Override
    public String type() {
        return Device.REFERENCE.type();
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean autoSelectable() {
        return true;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Backend open(Device device) {
        if (device.index() != 0) {
            throw new IllegalArgumentException("device " + device + ": the reference backend has only device 0");
        }
        return ReferenceBackend.INSTANCE;
    }
}
