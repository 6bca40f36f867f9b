package dev.nabla.tests.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The convolution kernels (forward, input gradient, weight gradient, each bias included or not) of
 * one backend and dtype against the reference backend's default compositions: padding wider and
 * narrower than the kernel's reach, dilation, groups, 1x1 kernels, strides (which a backend may
 * leave to the default), output-channel and tap counts that fill no register block evenly, rows
 * longer than a vector, permuted, flipped and stepped operands, NaN and infinities in the input,
 * the weight and the bias, and calls large enough to run in parallel.
 */
final class ConvSuite {
    private static final Backend REF = ReferenceBackend.INSTANCE;

    /** Input {@code [n, c, h, w]}, {@code o} filters of {@code kernel}'s size, {@code groups}. */
    private record Case(Window2d kernel, int n, int c, int h, int w, int o, int groups) {
        Shape input() {
            return Shape.of(n, c, h, w);
        }

        Shape weight() {
            return Shape.of(o, c / groups, kernel.kernelH(), kernel.kernelW());
        }

        Shape output() {
            return Shape.of(n, o, Window2d.outputSize(h, kernel.kernelH(), kernel.strideH(), kernel.padH(),
                    kernel.dilationH(), false), Window2d.outputSize(w, kernel.kernelW(), kernel.strideW(),
                    kernel.padW(), kernel.dilationW(), false));
        }

        /** Terms in one output, input-gradient and weight-gradient element at most. */
        int[] terms() {
            Shape out = output();
            return new int[] {weight().numel() / o, o / groups * kernel.taps(), n * out.dim(2) * out.dim(3)};
        }

        @Override
        public String toString() {
            return input() + " * " + weight() + " groups " + groups + " stride " + kernel.strideH() + "x"
                    + kernel.strideW() + " pad " + kernel.padH() + "x" + kernel.padW() + " dilation "
                    + kernel.dilationH() + "x" + kernel.dilationW();
        }
    }

    private static Window2d window(int kh, int kw, int stride, int padH, int padW, int dilationH, int dilationW) {
        return new Window2d(kh, kw, stride, stride, padH, padW, dilationH, dilationW);
    }

    private static final List<Case> CASES = List.of(
            new Case(window(5, 5, 1, 2, 2, 1, 1), 2, 1, 9, 11, 3, 1),
            new Case(window(3, 3, 1, 1, 1, 2, 1), 2, 3, 7, 6, 4, 1),
            new Case(window(3, 2, 1, 0, 1, 1, 1), 1, 4, 8, 9, 6, 2),
            new Case(window(1, 1, 1, 1, 1, 1, 1), 2, 5, 4, 4, 3, 1),
            new Case(window(3, 3, 1, 3, 2, 1, 1), 1, 2, 5, 6, 17, 1),
            new Case(window(3, 3, 2, 1, 1, 1, 1), 2, 3, 9, 9, 4, 1),
            // Rows longer than a vector, odd tails, several parallel tasks.
            new Case(window(3, 5, 1, 1, 2, 1, 1), 9, 4, 20, 37, 7, 1));

    private final Backend b;
    private final DType dtype;

    ConvSuite(Backend b, DType dtype) {
        this.b = b;
        this.dtype = dtype;
    }

    Stream<DynamicNode> tests() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Case k : CASES) {
            for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.FLIPPED)) {
                for (boolean specials : new boolean[] {false, true}) {
                    String name = k + " " + layout + (specials ? " with NaN and infinities" : "");
                    double[] x = values(k.input(), 31, specials);
                    double[] w = values(k.weight(), 32, specials);
                    double[] g = values(k.output(), 33, false);
                    int[] terms = k.terms();
                    for (boolean withBias : new boolean[] {true, false}) {
                        Shape channels = Shape.of(k.o());
                        double[] bias = values(channels, 35, specials);
                        tests.add(dynamicTest("conv2d " + name + (withBias ? " with bias" : ""), () -> {
                            Strided o = run(b, k.output(), out -> b.conv2d(layout.make(b, dtype, k.input(), x),
                                    Layout.PERMUTED.make(b, dtype, k.weight(), w),
                                    withBias ? Layout.STEPPED.make(b, dtype, channels, bias) : null, k.kernel(),
                                    k.groups(), out));
                            Strided ro = run(REF, k.output(), out -> REF.conv2d(layout.make(REF, dtype, k.input(), x),
                                    Layout.PERMUTED.make(REF, dtype, k.weight(), w),
                                    withBias ? Layout.STEPPED.make(REF, dtype, channels, bias) : null, k.kernel(),
                                    k.groups(), out));
                            Compare.close("conv2d", Layout.whole(b, o), Layout.whole(REF, ro),
                                    Tolerance.matmul(dtype, terms[0] + 1));
                        }));
                    }
                    tests.add(dynamicTest("conv2dBackwardInput " + name, () -> {
                        Strided o = run(b, k.input(), out -> b.conv2dBackwardInput(layout.make(b, dtype, k.output(), g),
                                layout.make(b, dtype, k.weight(), w), k.kernel(), k.groups(), out));
                        Strided ro = run(REF, k.input(), out -> REF.conv2dBackwardInput(
                                layout.make(REF, dtype, k.output(), g), layout.make(REF, dtype, k.weight(), w),
                                k.kernel(), k.groups(), out));
                        Compare.close("conv2dBackwardInput", Layout.whole(b, o), Layout.whole(REF, ro),
                                Tolerance.matmul(dtype, terms[1]));
                    }));
                    tests.add(dynamicTest("conv2dBackwardWeight " + name, () -> {
                        for (boolean withBias : new boolean[] {true, false}) {
                            Strided[] got = weightGradients(b, layout, k, x, g, withBias);
                            Strided[] want = weightGradients(REF, layout, k, x, g, withBias);
                            Compare.close("conv2dBackwardWeight", Layout.whole(b, got[0]), Layout.whole(REF, want[0]),
                                    Tolerance.matmul(dtype, terms[2]));
                            if (withBias) {
                                Compare.close("conv2dBackwardWeight bias", Layout.whole(b, got[1]),
                                        Layout.whole(REF, want[1]), Tolerance.matmul(dtype, terms[2]));
                            }
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** Seeded normals; with {@code specials}, every 13th is NaN, +inf or -inf in turn. */
    private double[] values(Shape shape, long seed, boolean specials) {
        double[] v = Values.of(shape, dtype, seed, false);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 6; specials && i < v.length; i += 13) {
            v[i] = special[i / 13 % special.length];
        }
        return v;
    }

    /** The weight's gradient, and with {@code withBias} the bias's ({@code null} otherwise), each written over garbage. */
    private Strided[] weightGradients(Backend backend, Layout layout, Case k, double[] x, double[] g, boolean withBias) {
        Shape channels = Shape.of(k.o());
        Strided gradBias = withBias ? Layout.STEPPED.make(backend, dtype, channels, Values.of(channels, dtype, 36, true))
                : null;
        Strided gradWeight = run(backend, k.weight(), out -> backend.conv2dBackwardWeight(
                layout.make(backend, dtype, k.input(), x), Layout.PERMUTED.make(backend, dtype, k.output(), g),
                k.kernel(), k.groups(), out, gradBias));
        return new Strided[] {gradWeight, gradBias};
    }

    /** An output of {@code shape} every other element of a longer buffer, holding garbage, after {@code kernel} wrote it. */
    private Strided run(Backend backend, Shape shape, Consumer<Strided> kernel) {
        Strided out = Layout.STEPPED.make(backend, dtype, shape, Values.of(shape, dtype, 34, true));
        kernel.accept(out);
        return out;
    }
}
