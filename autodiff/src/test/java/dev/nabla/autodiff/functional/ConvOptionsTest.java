package dev.nabla.autodiff.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConvOptionsTest {
    @Test
    void printsLikePyTorchsConv2d() {
        assertThat(ConvOptions.DEFAULT).hasToString("stride=(1, 1)");
        assertThat(ConvOptions.DEFAULT.padding(2)).hasToString("stride=(1, 1), padding=(2, 2)");
        assertThat(ConvOptions.DEFAULT.stride(2).padding(1, 0).dilation(2).groups(4))
                .hasToString("stride=(2, 2), padding=(1, 0), dilation=(2, 2), groups=4");
        assertThat(ConvOptions.DEFAULT.padding("same")).hasToString("stride=(1, 1), padding=same");
        assertThat(ConvOptions.DEFAULT.padding("valid")).hasToString("stride=(1, 1), padding=valid");
    }

    @Test
    void settersReturnCopiesAndEqualityFollowsTheValues() {
        ConvOptions strided = ConvOptions.DEFAULT.stride(2);
        assertThat(ConvOptions.DEFAULT.stride()).isEqualTo(Size2.of(1));
        assertThat(strided.stride()).isEqualTo(Size2.of(2, 2));
        assertThat(strided).isEqualTo(ConvOptions.DEFAULT.stride(2, 2)).hasSameHashCodeAs(ConvOptions.DEFAULT.stride(2))
                .isNotEqualTo(ConvOptions.DEFAULT);
        assertThat(ConvOptions.DEFAULT.padding("valid")).isNotEqualTo(ConvOptions.DEFAULT);
    }

    @Test
    void samePaddingSplitsTheDilatedKernelWithTheExtraZeroAfter() {
        ConvOptions same = ConvOptions.DEFAULT.padding("same").dilation(1, 3);
        assertThat(same.paddingBefore(Size2.of(4, 3))).isEqualTo(Size2.of(1, 3));
        assertThat(same.paddingAfter(Size2.of(4, 3))).isEqualTo(Size2.of(2, 3));
        assertThat(ConvOptions.DEFAULT.padding(1, 2).paddingAfter(Size2.of(4, 3))).isEqualTo(Size2.of(1, 2));
    }

    @Test
    void rejectsInvalidSettingsAsPyTorchDoes() {
        assertThatThrownBy(() -> ConvOptions.DEFAULT.stride(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: non-positive stride is not supported, got stride=(0, 1)");
        assertThatThrownBy(() -> ConvOptions.DEFAULT.padding(-1))
                .hasMessage("conv2d: negative padding is not supported, got padding=(-1, -1)");
        assertThatThrownBy(() -> ConvOptions.DEFAULT.dilation(0))
                .hasMessage("conv2d: non-positive dilation is not supported, got dilation=(0, 0)");
        assertThatThrownBy(() -> ConvOptions.DEFAULT.groups(0))
                .hasMessage("conv2d: non-positive groups is not supported, got groups=0");
        assertThatThrownBy(() -> ConvOptions.DEFAULT.padding("full"))
                .hasMessage("conv2d: invalid padding string 'full', should be one of {'valid', 'same'}");
    }

    @Test
    void samePaddingRefusesAStrideInEitherOrder() {
        assertThatThrownBy(() -> ConvOptions.DEFAULT.stride(2).padding("same"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv2d: padding='same' is not supported for strided convolutions, got"
                        + " stride=(2, 2)");
        assertThatThrownBy(() -> ConvOptions.DEFAULT.padding("same").stride(1, 2))
                .hasMessageStartingWith("conv2d: padding='same' is not supported for strided convolutions");
    }
}
