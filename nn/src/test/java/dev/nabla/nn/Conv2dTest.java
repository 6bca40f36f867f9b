package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Convolution;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class Conv2dTest {
    private static Conv2d conv(int in, int out, int kernel, ConvOptions options, boolean bias) {
        return new Conv2d(in, out, Size2.of(kernel), options, bias, new Rng(1), DType.F64, Device.REFERENCE);
    }

    private static Tensor input(int... dims) {
        return Tensor.randn(new Rng(2), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    @Test
    void initialisesWithinPyTorchsBoundsFromTheFanInOfOneGroup() {
        Conv2d layer = new Conv2d(8, 32, Size2.of(3, 5), ConvOptions.DEFAULT.groups(2), true, new Rng(3), DType.F64,
                Device.REFERENCE);
        assertThat(layer.weight().shape()).isEqualTo(Shape.of(32, 4, 3, 5));
        assertThat(layer.bias().shape()).isEqualTo(Shape.of(32));
        double bound = 1 / Math.sqrt(4 * 3 * 5);
        double[] w = layer.weight().toDoubleArray();
        assertThat(Arrays.stream(w).allMatch(v -> v >= -bound && v < bound)).isTrue();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertThat(var).isCloseTo(bound * bound / 3, Percentage.withPercentage(10));
        assertThat(Arrays.stream(layer.bias().toDoubleArray()).allMatch(v -> v >= -bound && v < bound)).isTrue();
        assertThat(layer.namedParameters()).containsOnlyKeys("weight", "bias");
    }

    @Test
    void computesTheFunctionalConvolutionWithItsParameters() {
        ConvOptions options = ConvOptions.DEFAULT.stride(2).padding(1);
        Conv2d layer = conv(3, 4, 3, options, true);
        Tensor x = input(2, 3, 9, 8);
        Tensor y = layer.call(x);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 4, 5, 4));
        assertThat(y.toDoubleArray())
                .containsExactly(Convolution.conv2d(x, layer.weight(), layer.bias(), options).toDoubleArray());
        assertThat(layer.call(input(3, 9, 8)).shape()).isEqualTo(Shape.of(4, 5, 4));
    }

    @Test
    void samePaddingKeepsTheImageSize() {
        Conv2d layer = conv(2, 3, 4, ConvOptions.DEFAULT.padding("same").dilation(2), false);
        assertThat(layer.call(input(1, 2, 7, 6)).shape()).isEqualTo(Shape.of(1, 3, 7, 6));
        assertThat(layer.namedParameters()).containsOnlyKeys("weight");
    }

    @Test
    void gradientsPassGradCheck() {
        Conv2d layer = conv(4, 2, 3, ConvOptions.DEFAULT.stride(2, 1).padding(1).dilation(1, 2).groups(2), true);
        Tensor x = input(2, 4, 6, 7).requiresGrad(true);
        GradCheck.verify(in -> layer.call(in.get(0)), List.of(x, layer.weight(), layer.bias()));
    }

    @Test
    void printsAsPyTorch() {
        assertThat(new Conv2d(1, 6, 5)).hasToString("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))");
        assertThat(new Conv2d(1, 6, 5, ConvOptions.DEFAULT.padding(2)))
                .hasToString("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))");
        assertThat(new Conv2d(4, 8, Size2.of(3, 5), ConvOptions.DEFAULT.stride(2).padding(1).dilation(2).groups(2),
                false)).hasToString("Conv2d(4, 8, kernel_size=(3, 5), stride=(2, 2), padding=(1, 1), dilation=(2, 2),"
                + " groups=2, bias=False)");
        assertThat(new Conv2d(4, 4, 3, ConvOptions.DEFAULT.padding("same")))
                .hasToString("Conv2d(4, 4, kernel_size=(3, 3), stride=(1, 1), padding=same)");
    }

    @Test
    void rejectsChannelCountsTheGroupsDoNotDivide() {
        assertThatThrownBy(() -> new Conv2d(3, 4, 3, ConvOptions.DEFAULT.groups(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Conv2d: inChannels=3 and outChannels=4 must both be divisible by groups=2");
        assertThatThrownBy(() -> new Conv2d(4, 3, 3, ConvOptions.DEFAULT.groups(2)))
                .hasMessage("Conv2d: inChannels=4 and outChannels=3 must both be divisible by groups=2");
        assertThatThrownBy(() -> new Conv2d(0, 3, 3)).hasMessage("Conv2d: channel counts and kernel size must be"
                + " positive, got inChannels=0 outChannels=3 kernelSize=(3, 3)");
    }

    @Test
    void forwardErrorsNameTheModulePath() {
        Sequential net = new Sequential(conv(3, 4, 3, ConvOptions.DEFAULT, true));
        assertThatThrownBy(() -> net.call(input(3, 8)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of 0 (Conv2d): conv2d: expected 3D (unbatched) or 4D (batched) input, but got"
                        + " input of size [3, 8]");
        assertThatThrownBy(() -> net.call(input(2, 1, 8, 8)))
                .hasMessage("forward of 0 (Conv2d): conv2d: given groups=1, weight of size [4, 3, 3, 3], expected"
                        + " input[2, 1, 8, 8] to have 3 channels, but got 1 channels instead");
        assertThatThrownBy(() -> net.call(input(2, 3, 2, 8)))
                .hasMessageStartingWith("forward of 0 (Conv2d): conv2d: calculated padded input size per channel:"
                        + " (2 x 8). Kernel size: (3 x 3). Kernel size can't be greater than actual input size");
    }
}
