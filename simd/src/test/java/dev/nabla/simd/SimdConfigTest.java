package dev.nabla.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimdConfigTest {

    @Test
    void widthDefaultsToPreferredAndIsCappedByIt() {
        assertThat(SimdConfig.chooseBits(null, 512)).isEqualTo(512);
        assertThat(SimdConfig.chooseBits(" 256 ", 512)).isEqualTo(256);
        assertThat(SimdConfig.chooseBits("512", 256)).isEqualTo(256);
        assertThat(SimdConfig.chooseBits("128", 256)).isEqualTo(128);
    }

    @Test
    void rejectsOtherWidths() {
        assertThatThrownBy(() -> SimdConfig.chooseBits("64", 512))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dnabla.simd.bits=64: the vector width must be 128, 256 or 512 bits");
        assertThatThrownBy(() -> SimdConfig.chooseBits("wide", 512)).isInstanceOf(IllegalArgumentException.class);
    }
}
