package dev.nabla.tensor.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.reference.ReferenceBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The composed window kernels against direct loops over the definition, on the reference backend,
 * for windows with strides, padding, dilation and ceil-mode output sizes.
 */
class WindowDefaultsTest {
    private static final Backend B = ReferenceBackend.INSTANCE;

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(new Window2d(3, 3, 1, 1, 1, 1, 1, 1), 5, 7, false),
                Arguments.of(new Window2d(2, 3, 2, 1, 1, 0, 1, 2), 6, 9, false),
                Arguments.of(new Window2d(3, 2, 2, 3, 1, 1, 1, 1), 7, 8, true),
                Arguments.of(new Window2d(1, 1, 2, 2, 0, 0, 1, 1), 5, 5, true),
                Arguments.of(new Window2d(5, 5, 1, 1, 2, 2, 1, 1), 4, 3, false));
    }

    @ParameterizedTest
    @MethodSource("windows")
    void im2colAndCol2imFollowTheDefinition(Window2d w, int h, int wd, boolean ceil) {
        int oh = Window2d.outputSize(h, w.kernelH(), w.strideH(), w.padH(), w.dilationH(), ceil);
        int ow = Window2d.outputSize(wd, w.kernelW(), w.strideW(), w.padW(), w.dilationW(), ceil);
        double[] x = random(2 * 3 * h * wd, 1);
        Strided cols = zeros(2, 3, w.kernelH(), w.kernelW(), oh, ow);
        B.im2col(tensor(x, 2, 3, h, wd), w, cols);
        double[] expected = new double[cols.shape().numel()];
        double[] folded = random(2 * 3 * h * wd, 2);
        double[] foldedExpected = folded.clone();
        double[] g = random(expected.length, 3);
        int i = 0;
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int kh = 0; kh < w.kernelH(); kh++) {
                    for (int kw = 0; kw < w.kernelW(); kw++) {
                        for (int r = 0; r < oh; r++) {
                            for (int s = 0; s < ow; s++, i++) {
                                int y = r * w.strideH() - w.padH() + kh * w.dilationH();
                                int z = s * w.strideW() - w.padW() + kw * w.dilationW();
                                if (y >= 0 && y < h && z >= 0 && z < wd) {
                                    int at = ((n * 3 + c) * h + y) * wd + z;
                                    expected[i] = x[at];
                                    foldedExpected[at] += g[i];
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(B.readDoubles(cols)).containsExactly(expected);
        Strided out = tensor(folded, 2, 3, h, wd);
        B.col2im(tensor(g, 2, 3, w.kernelH(), w.kernelW(), oh, ow), w, out);
        assertThat(B.readDoubles(out)).containsExactly(foldedExpected, offset(1e-12));
    }

    @ParameterizedTest
    @MethodSource("windows")
    void poolingFollowsTheDefinition(Window2d w, int h, int wd, boolean ceil) {
        int oh = Window2d.outputSize(h, w.kernelH(), w.strideH(), w.padH(), w.dilationH(), ceil);
        int ow = Window2d.outputSize(wd, w.kernelW(), w.strideW(), w.padW(), w.dilationW(), ceil);
        double[] x = random(h * wd, 4);
        x[0] = x[1]; // a tie: the first tap must win
        Strided max = zeros(1, 1, oh, ow);
        Strided arg = zeros(1, 1, oh, ow);
        B.maxPool2d(tensor(x, 1, 1, h, wd), w, max, arg);
        for (int r = 0; r < oh; r++) {
            for (int s = 0; s < ow; s++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestTap = -1;
                for (int kh = 0; kh < w.kernelH(); kh++) {
                    for (int kw = 0; kw < w.kernelW(); kw++) {
                        int y = r * w.strideH() - w.padH() + kh * w.dilationH();
                        int z = s * w.strideW() - w.padW() + kw * w.dilationW();
                        if (y >= 0 && y < h && z >= 0 && z < wd && x[y * wd + z] > best) {
                            best = x[y * wd + z];
                            bestTap = kh * w.kernelW() + kw;
                        }
                    }
                }
                assertThat(B.readDoubles(max)[r * ow + s]).isEqualTo(best);
                assertThat(B.readDoubles(arg)[r * ow + s]).isEqualTo(bestTap);
            }
        }
    }

    @Test
    void averagePoolingDividesAsPyTorch() {
        // torch.nn.functional.avg_pool2d(torch.arange(16.).view(1, 1, 4, 4), 3, 2, 1, ceil_mode=True, ...)
        Window2d w = new Window2d(3, 3, 2, 2, 1, 1, 1, 1);
        Strided x = tensor(range(16), 1, 1, 4, 4);
        Strided out = zeros(1, 1, 3, 3);
        B.avgPool2d(x, w, true, out);
        double[] nineTimes = {10, 24, 15, 51, 90, 49.5, 37.5, 63, 33.75}; // as torch prints them, times 9
        double[] got = B.readDoubles(out);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i] * 9).isCloseTo(nineTimes[i], offset(1e-12));
        }
        B.avgPool2d(x, w, false, out);
        assertThat(B.readDoubles(out)).containsExactly(new double[] {2.5, 4, 5, 8.5, 10, 11, 12.5, 14, 15},
                offset(1e-12));
        // ceil mode adds a window that starts inside the input; its divisor stops at the right padding
        Strided ceil = zeros(1, 1, 3, 3);
        B.avgPool2d(tensor(range(25), 1, 1, 5, 5), new Window2d(2, 2, 2, 2, 0, 0, 1, 1), true, ceil);
        assertThat(B.readDoubles(ceil)[2]).isEqualTo((4 + 9) / 2.0); // one column left
    }

    @Test
    void maxPoolingPropagatesNaN() {
        double[] x = range(9);
        x[4] = Double.NaN;
        Strided max = zeros(1, 1, 1, 1);
        Strided arg = zeros(1, 1, 1, 1);
        B.maxPool2d(tensor(x, 1, 1, 3, 3), new Window2d(3, 3, 1, 1, 0, 0, 1, 1), max, arg);
        assertThat(B.readDoubles(max)[0]).isNaN();
        assertThat(B.readDoubles(arg)[0]).isEqualTo(4);
    }

    @Test
    void outputSizesFollowPyTorch() {
        assertThat(Window2d.outputSize(28, 5, 1, 0, 1, false)).isEqualTo(24);
        assertThat(Window2d.outputSize(5, 2, 2, 0, 1, false)).isEqualTo(2);
        assertThat(Window2d.outputSize(5, 2, 2, 0, 1, true)).isEqualTo(3);
        assertThat(Window2d.outputSize(4, 3, 2, 1, 1, true)).isEqualTo(3);
        assertThat(Window2d.outputSize(3, 2, 2, 1, 1, true)).isEqualTo(2); // a third window would start in the padding
        assertThat(Window2d.outputSize(7, 3, 1, 0, 3, false)).isEqualTo(1);
        assertThat(Window2d.outputSize(2, 5, 1, 0, 1, false)).isZero();
        assertThatThrownBy(() -> new Window2d(0, 3, 1, 1, 0, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel=0x3");
    }

    private static double[] range(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[] random(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextDouble() * 2 - 1;
        }
        return out;
    }

    private static Strided tensor(double[] values, int... dims) {
        Strided t = zeros(dims);
        B.write(t.buffer(), values);
        return t;
    }

    private static Strided zeros(int... dims) {
        Shape s = Shape.of(dims);
        return new Strided(B.allocate(DType.F64, s.numel()), View.contiguous(s));
    }
}
