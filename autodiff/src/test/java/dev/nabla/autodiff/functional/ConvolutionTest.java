package dev.nabla.autodiff.functional;

import static dev.nabla.autodiff.functional.Windows.randn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionTest {
    private static final ConvOptions STRIDED = ConvOptions.DEFAULT.stride(2, 1).padding(1, 2).dilation(1, 2).groups(2);

    @Test
    void matchesTheDirectSumWithStridePaddingDilationGroupsAndBias() {
        Tensor x = randn(1, 2, 4, 7, 6);
        Tensor w = randn(2, 6, 2, 3, 2);
        Tensor b = randn(3, 6);
        Tensor y = Convolution.conv2d(x, w, b, STRIDED);
        // OH = floor((7 + 2 - 1*2 - 1) / 2) + 1 = 4, OW = floor((6 + 4 - 2*1 - 1) / 1) + 1 = 8
        assertThat(y.shape()).isEqualTo(Shape.of(2, 6, 4, 8));
        double[] expected = Windows.conv2d(x, w, b.toDoubleArray(), new int[] {2, 1}, new int[] {1, 2},
                new int[] {1, 2}, 2, 4, 8);
        assertThat(y.toDoubleArray()).containsExactly(expected, within(1e-12));
    }

    @Test
    void unbatchedInputGivesUnbatchedOutput() {
        Tensor x = randn(4, 3, 5, 5);
        Tensor w = randn(5, 4, 3, 3, 3);
        Tensor y = Convolution.conv2d(x, w, null);
        assertThat(y.shape()).isEqualTo(Shape.of(4, 3, 3));
        assertThat(y.toDoubleArray()).containsExactly(Convolution.conv2d(x.unsqueeze(0), w, null).toDoubleArray());
    }

    @Test
    void samePaddingKeepsTheSizeAndPutsTheOddZeroAfter() {
        Tensor x = randn(6, 1, 2, 5, 7);
        Tensor odd = randn(7, 3, 2, 3, 3);
        assertThat(Convolution.conv2d(x, odd, null, ConvOptions.DEFAULT.padding("same")).toDoubleArray())
                .containsExactly(Convolution.conv2d(x, odd, null, ConvOptions.DEFAULT.padding(1)).toDoubleArray(),
                        within(1e-12));
        Tensor even = randn(8, 3, 2, 2, 4);
        Tensor y = Convolution.conv2d(x, even, null, ConvOptions.DEFAULT.padding("same"));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 3, 5, 7));
        // kernel 2x4: 0 rows above and 1 below, 1 column left and 2 right
        Tensor padded = x.pad(1, 2, 0, 1);
        assertThat(y.toDoubleArray()).containsExactly(Convolution.conv2d(padded, even, null).toDoubleArray(),
                within(1e-12));
        assertThat(Convolution.conv2d(x, odd, null, ConvOptions.DEFAULT.padding("valid")).shape())
                .isEqualTo(Shape.of(1, 3, 3, 5));
    }

    @Test
    void anEmptyBatchGivesAnEmptyOutput() {
        Tensor y = Convolution.conv2d(Tensor.zeros(Shape.of(0, 2, 5, 5), DType.F64, Device.REFERENCE),
                randn(9, 4, 2, 3, 3), null);
        assertThat(y.shape()).isEqualTo(Shape.of(0, 4, 3, 3));
    }

    @Test
    void gradientsPassGradCheckWithStridePaddingDilationGroupsAndBias() {
        Tensor x = randn(10, 2, 4, 6, 5).requiresGrad(true);
        Tensor w = randn(11, 6, 2, 3, 2).requiresGrad(true);
        Tensor b = randn(12, 6).requiresGrad(true);
        GradCheck.verify(in -> Convolution.conv2d(in.get(0), in.get(1), in.get(2), STRIDED), List.of(x, w, b));
    }

    @Test
    void aFrozenWeightStillGivesTheBiasAndInputTheirGradients() {
        Tensor x = randn(15, 2, 2, 5, 4).requiresGrad(true);
        Tensor w = randn(16, 3, 2, 3, 2);
        Tensor b = randn(17, 3).requiresGrad(true);
        GradCheck.verify(in -> Convolution.conv2d(in.get(0), w, in.get(1), ConvOptions.DEFAULT.padding(1)),
                List.of(x, b));
        assertThat(w.grad()).isNull();
    }

    @Test
    void gradientsPassGradCheckWithEvenSamePadding() {
        Tensor x = randn(13, 1, 3, 5, 4).requiresGrad(true);
        Tensor w = randn(14, 2, 3, 2, 2).requiresGrad(true);
        GradCheck.verify(in -> Convolution.conv2d(in.get(0), in.get(1), null, ConvOptions.DEFAULT.padding("same")),
                List.of(x, w));
    }

    @Test
    void rejectsAWrongRankWithTheShape() {
        Tensor w = randn(15, 6, 3, 3, 3);
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3), w, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: expected 3D (unbatched) or 4D (batched) input, but got input of size [2, 3]");
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 1, 3, 8, 8), randn(2, 6, 3, 3), null))
                .hasMessageStartingWith("conv2d: expected a 4D weight [out_channels, in_channels / groups, kernel_h,"
                        + " kernel_w] with a non-empty kernel, but got weight of size [6, 3, 3]");
    }

    @Test
    void rejectsAChannelCountThatDoesNotMatchTheWeight() {
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3, 8, 8), randn(2, 6, 1, 3, 3), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: given groups=1, weight of size [6, 1, 3, 3], expected input[2, 3, 8, 8] to have 1"
                        + " channels, but got 3 channels instead");
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3, 8, 8), randn(2, 6, 1, 3, 3), null,
                ConvOptions.DEFAULT.groups(2)))
                .hasMessage("conv2d: given groups=2, weight of size [6, 1, 3, 3], expected input[2, 3, 8, 8] to have 2"
                        + " channels, but got 3 channels instead");
    }

    @Test
    void rejectsGroupsThatDoNotDivideTheOutputChannels() {
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 4, 8, 8), randn(2, 3, 2, 3, 3), null,
                ConvOptions.DEFAULT.groups(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight"
                        + " of size [3, 2, 3, 3] instead");
    }

    @Test
    void rejectsABiasOfTheWrongSize() {
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3, 8, 8), randn(2, 6, 3, 3, 3), randn(3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: given weight of size [6, 3, 3, 3], expected bias to be 1-dimensional with 6"
                        + " elements, but got bias of size [5] instead");
    }

    @Test
    void rejectsAKernelLargerThanThePaddedInput() {
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3, 8, 8), randn(2, 6, 3, 5, 5), null,
                ConvOptions.DEFAULT.dilation(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv2d: calculated padded input size per channel: (8 x 8). Kernel size:"
                        + " (9 x 9). Kernel size can't be greater than actual input size");
        assertThat(Convolution.conv2d(randn(1, 2, 3, 8, 8), randn(2, 6, 3, 5, 5), null,
                ConvOptions.DEFAULT.dilation(2).padding(1)).shape()).isEqualTo(Shape.of(2, 6, 2, 2));
    }

    @Test
    void rejectsMixedDtypes() {
        Tensor w = Tensor.zeros(Shape.of(6, 3, 3, 3), DType.F32, Device.REFERENCE);
        assertThatThrownBy(() -> Convolution.conv2d(randn(1, 2, 3, 8, 8), w, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("conv2d: operands have different dtypes, F64 [2, 3, 8, 8] and F32 [6, 3, 3, 3]");
    }
}
