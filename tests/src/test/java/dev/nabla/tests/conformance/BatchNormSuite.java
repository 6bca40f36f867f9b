package dev.nabla.tests.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The batch-normalization kernels (forward with statistics, backward) of one backend and dtype
 * against the reference backend's default compositions: ranks 2 to 4, runs shorter and longer than
 * a vector with odd tails, with and without weight and bias, contiguous and permuted activations,
 * stepped per-channel operands, NaN and infinities in the input, and gradients wanted or not.
 */
final class BatchNormSuite {
    private static final Backend REF = ReferenceBackend.INSTANCE;
    private static final double EPS = 1e-5;
    private static final List<Shape> SHAPES = List.of(Shape.of(6, 3), Shape.of(4, 2, 19), Shape.of(2, 3, 5, 7),
            Shape.of(9, 4, 20, 37));

    private final Backend b;
    private final DType dtype;

    BatchNormSuite(Backend b, DType dtype) {
        this.b = b;
        this.dtype = dtype;
    }

    Stream<DynamicNode> tests() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Shape channels = Shape.of(shape.dim(1));
            int count = shape.numel() / shape.dim(1);
            // Rounding errors of sums of count terms of about 3 in size grow about as sqrt(count).
            double spread = Math.sqrt(count);
            for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED)) {
                for (boolean affine : new boolean[] {true, false}) {
                    for (boolean specials : new boolean[] {false, true}) {
                        String name = shape + " " + layout + (affine ? " affine" : "") + (specials ? " with NaN" : "");
                        double[] x = Values.of(shape, dtype, 41, specials);
                        double[] w = Values.of(channels, dtype, 42, false);
                        double[] bias = Values.of(channels, dtype, 43, false);
                        double[] g = Values.of(shape, dtype, 44, false);
                        tests.add(dynamicTest("batchNorm " + name, () -> {
                            Strided[] got = forward(b, layout, shape, x, affine ? w : null, affine ? bias : null);
                            Strided[] want = forward(REF, layout, shape, x, affine ? w : null, affine ? bias : null);
                            Compare.close("batchNorm mean", Layout.whole(b, got[1]), Layout.whole(REF, want[1]),
                                    near(3 * spread));
                            Compare.close("batchNorm var", Layout.whole(b, got[2]), Layout.whole(REF, want[2]),
                                    near(9 * spread));
                            Compare.close("batchNorm out", Layout.whole(b, got[0]), Layout.whole(REF, want[0]),
                                    near(30 * spread));
                        }));
                        tests.add(dynamicTest("batchNormBackward " + name, () -> {
                            for (boolean wantInput : new boolean[] {true, false}) {
                                Strided[] got = backward(b, layout, shape, x, g, affine ? w : null, wantInput);
                                Strided[] want = backward(REF, layout, shape, x, g, affine ? w : null, wantInput);
                                for (int i = 0; i < got.length; i++) {
                                    if (got[i] != null) {
                                        Compare.close("batchNormBackward " + List.of("gradIn", "gradWeight",
                                                "gradBias").get(i), Layout.whole(b, got[i]), Layout.whole(REF, want[i]),
                                                i == 0 ? near(30 * spread) : Tolerance.matmul(dtype, count));
                                    }
                                }
                            }
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    /**
     * Within the rounding of sums whose terms add up to about {@code scale}, or of 64 ulps
     * relative to the value (the special values make some statistics huge).
     */
    private Tolerance near(double scale) {
        return new Tolerance(Tolerance.sum(dtype, scale).abs(), Tolerance.sum(dtype, 8).abs());
    }

    /** {@code out}, {@code mean} and {@code var}, each written over garbage. */
    private Strided[] forward(Backend k, Layout layout, Shape shape, double[] x, double[] w, double[] bias) {
        Shape channels = Shape.of(shape.dim(1));
        Strided out = layout.make(k, dtype, shape, Values.of(shape, dtype, 45, true));
        Strided mean = Layout.STEPPED.make(k, dtype, channels, Values.of(channels, dtype, 46, true));
        Strided var = Layout.STEPPED.make(k, dtype, channels, Values.of(channels, dtype, 47, true));
        k.batchNorm(layout.make(k, dtype, shape, x), w == null ? null : Layout.STEPPED.make(k, dtype, channels, w),
                w == null ? null : Layout.STEPPED.make(k, dtype, channels, bias), EPS, out, mean, var);
        return new Strided[] {out, mean, var};
    }

    /** {@code gradIn} (or null when not wanted), {@code gradWeight}, {@code gradBias}, from the statistics of {@link #forward}. */
    private Strided[] backward(Backend k, Layout layout, Shape shape, double[] x, double[] g, double[] w,
                               boolean wantInput) {
        Shape channels = Shape.of(shape.dim(1));
        Strided[] stats = forward(REF, Layout.CONTIGUOUS, shape, x, w, w);
        Strided mean = Layout.CONTIGUOUS.make(k, dtype, channels, REF.readDoubles(stats[1]));
        Strided var = Layout.STEPPED.make(k, dtype, channels, REF.readDoubles(stats[2]));
        Strided gradIn = wantInput ? layout.make(k, dtype, shape, Values.of(shape, dtype, 48, true)) : null;
        Strided gradWeight = Layout.STEPPED.make(k, dtype, channels, Values.of(channels, dtype, 49, true));
        Strided gradBias = Layout.CONTIGUOUS.make(k, dtype, channels, Values.of(channels, dtype, 50, true));
        k.batchNormBackward(layout.make(k, dtype, shape, g), layout.make(k, dtype, shape, x), mean, var,
                w == null ? null : Layout.STEPPED.make(k, dtype, channels, w), EPS, gradIn, gradWeight, gradBias);
        return new Strided[] {gradIn, gradWeight, gradBias};
    }
}
