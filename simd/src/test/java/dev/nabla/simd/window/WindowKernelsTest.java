package dev.nabla.simd.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.simd.SimdBackend;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;
import org.junit.jupiter.api.Test;

/**
 * The SIMD window kernels on hand-checked values: the tie, NaN and padding rules of max pooling,
 * PyTorch's average divisors at the borders, and tap indices written to an index operand of
 * another dtype. Agreement with the default compositions on every layout is the conformance
 * suite's job (module tests).
 */
class WindowKernelsTest {
    private static final Backend B = SimdBackend.INSTANCE;
    private static final double NAN = Double.NaN;
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    private static Strided tensor(DType dtype, Shape shape, double... values) {
        Strided t = new Strided(B.allocate(dtype, shape.numel()), View.contiguous(shape));
        if (values.length > 0) {
            B.write(t.buffer(), values);
        }
        return t;
    }

    @Test
    void maxPoolTakesTheFirstMaximumAndTheFirstNan() {
        // Four 2x2 windows of a 2x8 row pair: ties, NaNs after a maximum, all -inf, plain.
        Strided x = tensor(DType.F32, Shape.of(1, 1, 2, 8),
                2, 5, 1, NAN, NEG_INF, NEG_INF, 0, 1,
                5, 1, 7, NAN, NEG_INF, NEG_INF, 3, -2);
        Strided out = tensor(DType.F32, Shape.of(1, 1, 1, 4));
        Strided taps = tensor(DType.F32, Shape.of(1, 1, 1, 4));
        B.maxPool2d(x, new Window2d(2, 2, 2, 2, 0, 0, 1, 1), out, taps);
        assertThat(B.readDoubles(out)).containsExactly(5, NAN, NEG_INF, 3);
        assertThat(B.readDoubles(taps)).containsExactly(1, 1, 0, 2);
    }

    @Test
    void maxPoolPaddingNeverWinsAndTapsAreConvertedToTheIndexDtype() {
        Strided x = tensor(DType.F64, Shape.of(1, 1, 2, 3), -1, -2, -3, -4, -5, -6);
        Strided out = tensor(DType.F64, Shape.of(1, 1, 2, 2));
        Strided taps = tensor(DType.F32, Shape.of(1, 1, 2, 2));
        Window2d w = new Window2d(2, 2, 1, 2, 1, 1, 1, 1);
        B.maxPool2d(x, w, out, taps);
        Strided refOut = tensor(DType.F64, Shape.of(1, 1, 2, 2));
        Strided refTaps = tensor(DType.F32, Shape.of(1, 1, 2, 2));
        ReferenceBackend.INSTANCE.maxPool2d(x, w, refOut, refTaps);
        assertThat(B.readDoubles(out)).containsExactly(-1, -2, -1, -2);
        assertThat(B.readDoubles(taps)).containsExactly(3, 2, 1, 0).containsExactly(B.readDoubles(refTaps));
    }

    @Test
    void avgPoolDividesAsPyTorchAtTheBorders() {
        Strided x = tensor(DType.F32, Shape.of(1, 1, 2, 2), 1, 2, 3, 4);
        Window2d w = new Window2d(2, 2, 1, 1, 1, 1, 1, 1);
        Strided included = tensor(DType.F32, Shape.of(1, 1, 3, 3));
        Strided excluded = tensor(DType.F32, Shape.of(1, 1, 3, 3));
        B.avgPool2d(x, w, true, included);
        B.avgPool2d(x, w, false, excluded);
        assertThat(B.readDoubles(included)).containsExactly(0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1);
        assertThat(B.readDoubles(excluded)).containsExactly(1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4);
    }

    @Test
    void col2imAddsOntoWhatTheOutputHolds() {
        // A 2x2 input, 2x2 kernel, padding 1: nine windows; every column element is 1.
        Window2d w = new Window2d(2, 2, 1, 1, 1, 1, 1, 1);
        Shape colsShape = Shape.of(1, 1, 2, 2, 3, 3);
        double[] ones = new double[colsShape.numel()];
        java.util.Arrays.fill(ones, 1);
        Strided out = tensor(DType.F64, Shape.of(1, 1, 2, 2), 10, 20, 30, 40);
        B.col2im(tensor(DType.F64, colsShape, ones), w, out);
        assertThat(B.readDoubles(out)).containsExactly(14, 24, 34, 44);
    }
}
