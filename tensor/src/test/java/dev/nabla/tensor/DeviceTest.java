package dev.nabla.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceTest {
    @Test
    void parsesAndPrintsDeviceNames() {
        assertThat(Device.parse("reference")).isEqualTo(Device.REFERENCE);
        assertThat(Device.parse(" SIMD ")).isEqualTo(Device.SIMD);
        assertThat(Device.parse("opencl")).isEqualTo(Device.opencl(0));
        assertThat(Device.parse("opencl:2")).isEqualTo(Device.opencl(2));
        assertThat(Device.opencl(0)).hasToString("opencl:0");
        assertThat(Device.SIMD).hasToString("simd");
    }

    @Test
    void rejectsMalformedNames() {
        assertThatThrownBy(() -> Device.parse("opencl:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a device number");
        assertThatThrownBy(() -> Device.parse("")).hasMessageContaining("expected reference, simd, opencl");
        assertThatThrownBy(() -> Device.parse("opencl:-1")).hasMessageContaining("index must be >= 0");
    }
}
