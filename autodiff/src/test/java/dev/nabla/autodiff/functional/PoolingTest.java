package dev.nabla.autodiff.functional;

import static dev.nabla.autodiff.functional.Windows.distinct;
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

class PoolingTest {
    private static final Size2 K32 = Size2.of(3, 2);
    private static final Size2 S21 = Size2.of(2, 1);
    private static final Size2 P11 = Size2.of(1, 1);

    @Test
    void maxPoolMatchesTheLoopWithPaddingDilationAndCeilMode() {
        Tensor x = randn(1, 2, 3, 8, 7);
        Tensor y = Pooling.maxPool2d(x, K32, S21, P11, Size2.of(1, 2), true);
        // OH = ceil((8 + 2 - 2 - 1) / 2) + 1 = 5, OW = (7 + 2 - 2 - 1) / 1 + 1 = 7
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 5, 7));
        assertThat(y.toDoubleArray()).containsExactly(Windows.pool(x, true, new int[] {3, 2}, new int[] {2, 1},
                new int[] {1, 1}, new int[] {1, 2}, 5, 7));
    }

    @Test
    void maxPoolWithDefaultsUsesNonOverlappingWindowsAndKeepsAnUnbatchedInputUnbatched() {
        Tensor x = randn(2, 3, 5, 4);
        Tensor y = Pooling.maxPool2d(x, 2);
        assertThat(y.shape()).isEqualTo(Shape.of(3, 2, 2));
        assertThat(y.toDoubleArray()).containsExactly(Windows.pool(x.unsqueeze(0), true, new int[] {2, 2},
                new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, 2, 2));
    }

    @Test
    void maxPoolSendsTheGradientToTheFirstMaximumAndSumsOverlaps() {
        Tensor x = Tensor.fromArray(new double[] {1, 5, 5, 2, 0, 5}, Shape.of(1, 1, 2, 3), DType.F64, Device.REFERENCE)
                .requiresGrad(true);
        Pooling.maxPool2d(x, Size2.of(2), Size2.of(1), Size2.of(0), Size2.of(1), false).sum().backward();
        // windows [1 5; 2 0] and [5 5; 0 5] both pick the 5 at (0, 1)
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 2, 0, 0, 0, 0);
    }

    @Test
    void maxPoolPassesGradCheckWithOverlappingPaddedDilatedWindows() {
        Tensor x = distinct(3, 2, 2, 7, 6);
        GradCheck.verify(in -> Pooling.maxPool2d(in.get(0), K32, S21, P11, Size2.of(2, 1), true), List.of(x));
    }

    @Test
    void avgPoolMatchesTheLoopForBothDivisors() {
        Tensor x = randn(4, 2, 3, 7, 5);
        int[] kernel = {3, 2};
        int[] stride = {2, 1};
        int[] pad = {1, 1};
        // OH = ceil((7 + 2 - 3) / 2) + 1 = 4, and the last window starts inside the input; OW = 5 + 2 - 2 + 1 = 6
        double[] sums = Windows.pool(x, false, kernel, stride, pad, new int[] {1, 1}, 4, 6);
        Tensor withPad = Pooling.avgPool2d(x, K32, S21, P11, true, true);
        Tensor withoutPad = Pooling.avgPool2d(x, K32, S21, P11, true, false);
        assertThat(withPad.shape()).isEqualTo(Shape.of(2, 3, 4, 6));
        double[] a = withPad.toDoubleArray();
        double[] b = withoutPad.toDoubleArray();
        for (int i = 0; i < sums.length; i++) {
            int oh = i / 6 % 4;
            int ow = i % 6;
            int h0 = oh * 2 - 1;
            int w0 = ow - 1;
            int padRows = Math.min(h0 + 3, 7 + 1) - h0;
            int padCols = Math.min(w0 + 2, 5 + 1) - w0;
            int rows = Math.min(h0 + 3, 7) - Math.max(h0, 0);
            int cols = Math.min(w0 + 2, 5) - Math.max(w0, 0);
            assertThat(a[i]).as("countIncludePad, position %d", i).isCloseTo(sums[i] / (padRows * padCols),
                    within(1e-12));
            assertThat(b[i]).as("input only, position %d", i).isCloseTo(sums[i] / (rows * cols), within(1e-12));
        }
    }

    @Test
    void avgPoolPassesGradCheckForBothDivisors() {
        for (boolean countIncludePad : new boolean[] {true, false}) {
            Tensor x = randn(5, 2, 2, 7, 5).requiresGrad(true);
            GradCheck.verify(in -> Pooling.avgPool2d(in.get(0), K32, S21, P11, true, countIncludePad), List.of(x));
        }
    }

    @Test
    void adaptiveAvgPoolAveragesPyTorchsWindows() {
        Tensor x = randn(6, 2, 3, 7, 5);
        Tensor y = Pooling.adaptiveAvgPool2d(x, Size2.of(3, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 3, 2));
        double[] xv = x.toDoubleArray();
        double[] yv = y.toDoubleArray();
        int[][] rows = {{0, 3}, {2, 5}, {4, 7}};
        int[][] cols = {{0, 3}, {2, 5}};
        for (int i = 0; i < yv.length; i++) {
            int plane = i / 6;
            int[] r = rows[i / 2 % 3];
            int[] c = cols[i % 2];
            double sum = 0;
            for (int h = r[0]; h < r[1]; h++) {
                for (int w = c[0]; w < c[1]; w++) {
                    sum += xv[plane * 35 + h * 5 + w];
                }
            }
            assertThat(yv[i]).as("position %d", i).isCloseTo(sum / 9, within(1e-12));
        }
    }

    @Test
    void adaptiveAvgPoolOfDivisibleSizesIsAveragePooling() {
        Tensor x = randn(7, 2, 3, 8, 6);
        assertThat(Pooling.adaptiveAvgPool2d(x, Size2.of(4, 2)).toDoubleArray())
                .containsExactly(Pooling.avgPool2d(x, Size2.of(2, 3), Size2.of(2, 3), Size2.of(0), false, true)
                        .toDoubleArray());
        assertThat(Pooling.adaptiveAvgPool2d(x, Size2.of(1)).toDoubleArray())
                .containsExactly(x.mean(new int[] {2, 3}, false).toDoubleArray(), within(1e-12));
    }

    @Test
    void adaptiveAvgPoolCanEnlargeAndEmpty() {
        Tensor x = randn(8, 1, 2, 3);
        Tensor y = Pooling.adaptiveAvgPool2d(x, Size2.of(2, 5));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 5));
        double[] xv = x.toDoubleArray();
        // columns: windows [0,1) [0,2) [1,2) [1,3) [2,3)
        assertThat(y.toDoubleArray()).containsExactly(new double[] {xv[0], (xv[0] + xv[1]) / 2, xv[1],
            (xv[1] + xv[2]) / 2, xv[2], xv[3], (xv[3] + xv[4]) / 2, xv[4], (xv[4] + xv[5]) / 2, xv[5]}, within(1e-12));
        assertThat(Pooling.adaptiveAvgPool2d(x, Size2.of(0, 2)).shape()).isEqualTo(Shape.of(1, 0, 2));
    }

    @Test
    void adaptiveAvgPoolPassesGradCheckOnBothPaths() {
        Tensor x = randn(9, 2, 2, 7, 6).requiresGrad(true);
        GradCheck.verify(in -> Pooling.adaptiveAvgPool2d(in.get(0), Size2.of(3, 4)), List.of(x));
        GradCheck.verify(in -> Pooling.adaptiveAvgPool2d(in.get(0), Size2.of(7, 3)), List.of(x));
    }

    @Test
    void rejectsWrongRanksAndEmptyAxes() {
        assertThatThrownBy(() -> Pooling.maxPool2d(randn(1, 3, 8), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPool2d: expected a 3D [C, H, W] or 4D [N, C, H, W] input with non-empty C, H and W"
                        + " (N may be 0), but got [3, 8]");
        assertThatThrownBy(() -> Pooling.avgPool2d(randn(1, 1, 0, 8, 8), 2))
                .hasMessageStartingWith("avgPool2d: expected a 3D [C, H, W] or 4D");
        assertThatThrownBy(() -> Pooling.adaptiveAvgPool2d(randn(1, 2, 3, 0, 8), Size2.of(2)))
                .hasMessageEndingWith("but got [2, 3, 0, 8]");
        assertThat(Pooling.maxPool2d(Tensor.zeros(Shape.of(0, 3, 4, 4), DType.F64, Device.REFERENCE), 2).shape())
                .isEqualTo(Shape.of(0, 3, 2, 2));
    }

    @Test
    void rejectsInvalidWindowsAsPyTorchDoes() {
        Tensor x = randn(2, 2, 3, 8, 8);
        Size2 one = Size2.of(1);
        Size2 zero = Size2.of(0);
        assertThatThrownBy(() -> Pooling.maxPool2d(x, Size2.of(2), Size2.of(2), Size2.of(2), one, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2");
        assertThatThrownBy(() -> Pooling.avgPool2d(x, Size2.of(3, 2), one, Size2.of(1, 2), false, true))
                .hasMessage("avgPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2");
        assertThatThrownBy(() -> Pooling.maxPool2d(x, Size2.of(0, 2), one, zero, one, false))
                .hasMessage("maxPool2d: kernel_size must be greater than zero, but got kernel_size=(0, 2)");
        assertThatThrownBy(() -> Pooling.avgPool2d(x, Size2.of(2), Size2.of(2, 0), zero, false, true))
                .hasMessage("avgPool2d: stride must be greater than zero, but got stride=(2, 0)");
        assertThatThrownBy(() -> Pooling.maxPool2d(x, Size2.of(2), one, zero, zero, false))
                .hasMessage("maxPool2d: dilation must be greater than zero, but got dilation=(0, 0)");
        assertThatThrownBy(() -> Pooling.maxPool2d(x, Size2.of(2), one, Size2.of(-1), one, false))
                .hasMessage("maxPool2d: pad must be non-negative, but got pad=(-1, -1)");
        assertThatThrownBy(() -> Pooling.adaptiveAvgPool2d(x, Size2.of(-1, 2)))
                .hasMessage("adaptiveAvgPool2d: elements of output_size must be greater than or equal to 0, but got"
                        + " (-1, 2)");
    }

    @Test
    void rejectsAWindowLargerThanThePaddedInput() {
        Tensor x = randn(3, 3, 2, 2);
        assertThatThrownBy(() -> Pooling.maxPool2d(x, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxPool2d: given input size: (3x2x2). Calculated output size: (3x0x0)."
                        + " Output size is too small");
        assertThatThrownBy(() -> Pooling.maxPool2d(x, Size2.of(2), Size2.of(2), Size2.of(0), Size2.of(2), false))
                .hasMessageStartingWith("maxPool2d: given input size: (3x2x2). Calculated output size: (3x0x0).");
        assertThatThrownBy(() -> Pooling.avgPool2d(x, 3)).hasMessageStartingWith("avgPool2d: given input size");
    }
}
