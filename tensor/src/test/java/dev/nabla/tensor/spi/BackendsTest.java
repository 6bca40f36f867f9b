package dev.nabla.tensor.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void findsTheReferenceBackendThroughServiceLoader() {
        assertThat(Backends.of(Device.REFERENCE)).isSameAs(ReferenceBackend.INSTANCE);
        assertThat(Backends.describe()).contains("reference: available");
    }

    @Test
    void unknownDeviceTypesNameTheKnownOnes() {
        assertThatThrownBy(() -> Backends.of(new Device("tpu", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no backend of type 'tpu'")
                .hasMessageContaining("known types: ")
                .hasMessageContaining("reference");
    }

    @Test
    void referenceHasOnlyDeviceZero() {
        assertThatThrownBy(() -> Backends.of(new Device("reference", 1)))
                .hasMessageContaining("the reference backend has only device 0");
    }
}
