package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.Pooling;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import org.junit.jupiter.api.Test;

class PoolingLayersTest {
    private final Tensor x = Tensor.randn(new Rng(4), Shape.of(2, 3, 7, 6), DType.F64, Device.REFERENCE);

    @Test
    void maxPoolLayerAppliesItsSettings() {
        MaxPool2d pool = new MaxPool2d(Size2.of(3, 2), Size2.of(2, 1), Size2.of(1), Size2.of(1, 2), true);
        assertThat(pool.call(x).toDoubleArray()).containsExactly(
                Pooling.maxPool2d(x, Size2.of(3, 2), Size2.of(2, 1), Size2.of(1), Size2.of(1, 2), true).toDoubleArray());
        assertThat(new MaxPool2d(2).call(x).shape()).isEqualTo(Shape.of(2, 3, 3, 3));
        assertThat(new MaxPool2d(3, 2, 1).call(x.slice(0, 0, 1).squeeze(0)).shape()).isEqualTo(Shape.of(3, 4, 3));
        assertThat(pool.parameters()).isEmpty();
    }

    @Test
    void avgPoolLayerAppliesItsSettings() {
        AvgPool2d pool = new AvgPool2d(Size2.of(3), Size2.of(2), Size2.of(1), true, false);
        assertThat(pool.call(x).toDoubleArray()).containsExactly(
                Pooling.avgPool2d(x, Size2.of(3), Size2.of(2), Size2.of(1), true, false).toDoubleArray());
        assertThat(new AvgPool2d(2, 1).call(x).shape()).isEqualTo(Shape.of(2, 3, 6, 5));
    }

    @Test
    void adaptiveAvgPoolLayerGivesItsOutputSizeForAnyInput() {
        assertThat(new AdaptiveAvgPool2d(Size2.of(3, 4)).call(x).shape()).isEqualTo(Shape.of(2, 3, 3, 4));
        assertThat(new AdaptiveAvgPool2d(1).call(x).toDoubleArray())
                .containsExactly(x.mean(new int[] {2, 3}, true).toDoubleArray(), within(1e-12));
    }

    @Test
    void printAsPyTorch() {
        assertThat(new MaxPool2d(2)).hasToString("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1,"
                + " ceil_mode=False)");
        assertThat(new MaxPool2d(Size2.of(2, 3), Size2.of(2, 3), Size2.of(0), Size2.of(1), true))
                .hasToString("MaxPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0, dilation=1, ceil_mode=True)");
        assertThat(new AvgPool2d(3, 2, 1)).hasToString("AvgPool2d(kernel_size=3, stride=2, padding=1)");
        assertThat(new AdaptiveAvgPool2d(1)).hasToString("AdaptiveAvgPool2d(output_size=1)");
        assertThat(new AdaptiveAvgPool2d(Size2.of(7, 5))).hasToString("AdaptiveAvgPool2d(output_size=(7, 5))");
    }

    @Test
    void invalidSettingsFailWhenCalledNamingTheModule() {
        Sequential net = new Sequential(new MaxPool2d(2, 2, 2));
        assertThatThrownBy(() -> net.call(x))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of 0 (MaxPool2d): maxPool2d: pad should be at most half of kernel size, but got"
                        + " pad=2 and kernel_size=2");
        assertThatThrownBy(() -> new AvgPool2d(8).call(x))
                .hasMessageStartingWith("forward of AvgPool2d: avgPool2d: given input size: (3x7x6). Calculated output"
                        + " size: (3x0x0). Output size is too small");
        assertThatThrownBy(() -> new AdaptiveAvgPool2d(2).call(x.reshape(6, 42)))
                .hasMessageStartingWith("forward of AdaptiveAvgPool2d: adaptiveAvgPool2d: expected a 3D");
    }
}
