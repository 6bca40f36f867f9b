package dev.nabla.tests.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The window kernels (im2col, col2im, max pooling and its gradient, average pooling) of one backend and dtype against the
 * reference backend's default compositions: strides, padding, dilation, ceil-mode output sizes,
 * 1x1 kernels, permuted (channels-last) and flipped inputs, NaN and infinities among the values, rows
 * longer than a vector with odd tails, and calls large enough to run in parallel chunks.
 */
final class WindowSuite {
    private static final Backend REF = ReferenceBackend.INSTANCE;

    /** A window over an {@code [N, C, H, W]} input, with the output size it is used with. */
    private record Case(Window2d w, int n, int c, int h, int wd, boolean ceil) {
        int outH() {
            return Window2d.outputSize(h, w.kernelH(), w.strideH(), w.padH(), w.dilationH(), ceil);
        }

        int outW() {
            return Window2d.outputSize(wd, w.kernelW(), w.strideW(), w.padW(), w.dilationW(), ceil);
        }

        Shape input() {
            return Shape.of(n, c, h, wd);
        }

        Shape cols() {
            return Shape.of(n, c, w.kernelH(), w.kernelW(), outH(), outW());
        }

        Shape pooled() {
            return Shape.of(n, c, outH(), outW());
        }

        @Override
        public String toString() {
            return input() + " kernel " + w.kernelH() + "x" + w.kernelW() + " stride " + w.strideH() + "x" + w.strideW()
                    + " pad " + w.padH() + "x" + w.padW() + " dilation " + w.dilationH() + "x" + w.dilationW()
                    + (ceil ? " ceil" : "");
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(new Window2d(3, 3, 1, 1, 1, 1, 1, 1), 2, 3, 9, 11, false),
            new Case(new Window2d(5, 5, 1, 1, 0, 0, 1, 1), 1, 2, 12, 12, false),
            new Case(new Window2d(2, 2, 2, 2, 0, 0, 1, 1), 2, 5, 7, 9, true),
            new Case(new Window2d(3, 2, 2, 3, 1, 1, 2, 1), 1, 4, 13, 10, false),
            new Case(new Window2d(1, 1, 1, 1, 0, 0, 1, 1), 3, 17, 5, 6, false),
            new Case(new Window2d(3, 3, 2, 2, 1, 1, 1, 1), 2, 16, 28, 28, true),
            // Rows longer than a vector with odd tails; dilation and padding in W; vertical stride 3.
            new Case(new Window2d(2, 2, 2, 2, 0, 0, 1, 1), 1, 3, 6, 37, true),
            new Case(new Window2d(3, 3, 3, 2, 1, 2, 1, 2), 1, 3, 10, 41, false),
            // Enough work to be cut into several parallel chunks.
            new Case(new Window2d(5, 5, 1, 1, 2, 2, 1, 1), 3, 4, 28, 30, false));

    private final Backend b;
    private final DType dtype;

    WindowSuite(Backend b, DType dtype) {
        this.b = b;
        this.dtype = dtype;
    }

    Stream<DynamicNode> tests() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Case k : CASES) {
            // every window ties at -infinity, so the taps show which one each falls back to
            tests.add(dynamicTest("maxPool2d of -infinity " + k, () -> {
                double[] x = new double[k.input().numel()];
                Arrays.fill(x, Double.NEGATIVE_INFINITY);
                Strided o = Layout.CONTIGUOUS.make(b, dtype, k.pooled(), new double[k.pooled().numel()]);
                Strided i = Layout.CONTIGUOUS.make(b, dtype, k.pooled(), new double[k.pooled().numel()]);
                Strided ro = Layout.CONTIGUOUS.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                Strided ri = Layout.CONTIGUOUS.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                b.maxPool2d(Layout.CONTIGUOUS.make(b, dtype, k.input(), x), k.w(), o, i);
                REF.maxPool2d(Layout.CONTIGUOUS.make(REF, dtype, k.input(), x), k.w(), ro, ri);
                Compare.exact("maxPool2d values", Layout.whole(b, o), Layout.whole(REF, ro));
                Compare.exact("maxPool2d taps", Layout.whole(b, i), Layout.whole(REF, ri));
            }));
            for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.FLIPPED)) {
                double[] x = Values.of(k.input(), dtype, 21, true);
                double[] g = Values.of(k.cols(), dtype, 22, false);
                double[] acc = Values.of(k.input(), dtype, 23, false);
                tests.add(dynamicTest("im2col " + k + " " + layout, () -> {
                    Strided o = Layout.CONTIGUOUS.make(b, dtype, k.cols(), new double[k.cols().numel()]);
                    Strided ro = Layout.CONTIGUOUS.make(REF, dtype, k.cols(), new double[k.cols().numel()]);
                    b.im2col(layout.make(b, dtype, k.input(), x), k.w(), o);
                    REF.im2col(layout.make(REF, dtype, k.input(), x), k.w(), ro);
                    Compare.exact("im2col", Layout.whole(b, o), Layout.whole(REF, ro));
                }));
                tests.add(dynamicTest("col2im " + k + " " + layout, () -> {
                    Strided o = layout.make(b, dtype, k.input(), acc);
                    Strided ro = layout.make(REF, dtype, k.input(), acc);
                    b.col2im(Layout.PERMUTED.make(b, dtype, k.cols(), g), k.w(), o);
                    REF.col2im(Layout.PERMUTED.make(REF, dtype, k.cols(), g), k.w(), ro);
                    Compare.close("col2im", Layout.whole(b, o), Layout.whole(REF, ro),
                            Tolerance.sum(dtype, 10 * k.w().taps()));
                }));
                tests.add(dynamicTest("maxPool2d " + k + " " + layout, () -> {
                    Strided o = Layout.CONTIGUOUS.make(b, dtype, k.pooled(), new double[k.pooled().numel()]);
                    Strided i = Layout.PERMUTED.make(b, dtype, k.pooled(), new double[k.pooled().numel()]);
                    Strided ro = Layout.CONTIGUOUS.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                    Strided ri = Layout.PERMUTED.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                    b.maxPool2d(layout.make(b, dtype, k.input(), x), k.w(), o, i);
                    REF.maxPool2d(layout.make(REF, dtype, k.input(), x), k.w(), ro, ri);
                    Compare.exact("maxPool2d values", Layout.whole(b, o), Layout.whole(REF, ro));
                    Compare.exact("maxPool2d taps", Layout.whole(b, i), Layout.whole(REF, ri));
                }));
                tests.add(dynamicTest("maxPool2dBackward " + k + " " + layout, () -> {
                    Strided taps = Layout.CONTIGUOUS.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                    REF.maxPool2d(Layout.CONTIGUOUS.make(REF, dtype, k.input(), x), k.w(),
                            Layout.CONTIGUOUS.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]), taps);
                    double[] tapValues = REF.readDoubles(taps);
                    double[] grad = Values.of(k.pooled(), dtype, 24, true);
                    Strided o = layout.make(b, dtype, k.input(), acc);
                    Strided ro = layout.make(REF, dtype, k.input(), acc);
                    b.maxPool2dBackward(layout.make(b, dtype, k.pooled(), grad), Layout.PERMUTED.make(b, dtype,
                            k.pooled(), tapValues), k.w(), o);
                    REF.maxPool2dBackward(layout.make(REF, dtype, k.pooled(), grad), Layout.PERMUTED.make(REF, dtype,
                            k.pooled(), tapValues), k.w(), ro);
                    Compare.exact("maxPool2dBackward", Layout.whole(b, o), Layout.whole(REF, ro));
                }));
                if (k.w().dilationH() == 1 && k.w().dilationW() == 1) {
                    for (boolean includePad : new boolean[] {true, false}) {
                        tests.add(dynamicTest("avgPool2d " + k + " " + layout + " countIncludePad=" + includePad, () -> {
                            Strided o = Layout.STEPPED.make(b, dtype, k.pooled(), new double[k.pooled().numel()]);
                            Strided ro = Layout.STEPPED.make(REF, dtype, k.pooled(), new double[k.pooled().numel()]);
                            b.avgPool2d(layout.make(b, dtype, k.input(), acc), k.w(), includePad, o);
                            REF.avgPool2d(layout.make(REF, dtype, k.input(), acc), k.w(), includePad, ro);
                            Compare.close("avgPool2d", Layout.whole(b, o), Layout.whole(REF, ro),
                                    Tolerance.sum(dtype, 10));
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }
}
