package dev.nabla.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every primitive of every available backend against the reference backend: every op of every
 * op enum, F32 and F64, on contiguous, permuted, stepped, flipped, offset, broadcast and scalar
 * views, with zero-size and size-1 axes, odd lengths (vector tails), sizes large enough to run
 * in parallel, and NaN, infinities and signed zeros among the values.
 */
class BackendConformanceTest {
    private static final Backend REF = ReferenceBackend.INSTANCE;
    private static final List<Shape> SHAPES = List.of(Shape.scalar(), Shape.of(0), Shape.of(1), Shape.of(7),
            Shape.of(33), Shape.of(3, 17), Shape.of(2, 3, 5), Shape.of(4, 1, 6), Shape.of(2, 0, 3), Shape.of(300, 301));
    /** The primitives the factory below exercises; compared with the SPI by {@link #everyPrimitiveIsCovered}. */
    private static final Set<String> COVERED = Set.of("allocate", "write", "readDoubles", "readFloats", "fill", "copy",
            "unary", "binary", "addScaled", "where", "reduce", "argReduce", "matmul", "matmulAdd", "matmulAddRelu",
            "gather",
            "scatterAdd", "logSoftmax", "logSoftmaxBackward",
            "im2col", "col2im", "maxPool2d", "maxPool2dBackward", "avgPool2d", "batchNorm", "batchNormBackward",
            "conv2d", "conv2dBackwardInput", "conv2dBackwardWeight", "sgdStep", "adamStep",
            "adagradStep", "rmspropStep");

    /**
     * Every available backend but the reference, or only the device types listed in
     * {@code -Dnabla.conformance.types} (comma-separated), as the runs at narrower SIMD widths do.
     */
    static List<Backend> backendsUnderTest() {
        String only = System.getProperty("nabla.conformance.types", "");
        Set<String> types = only.isBlank() ? Set.of() : Set.of(only.split(","));
        return Backends.available().stream()
                .filter(d -> !d.equals(Device.REFERENCE))
                .filter(d -> types.isEmpty() || types.contains(d.type()))
                .map(Backends::of)
                .collect(Collectors.toList());
    }

    @Test
    void everyPrimitiveIsCovered() {
        Set<String> spi = Arrays.stream(Backend.class.getMethods())
                .map(Method::getName)
                .filter(n -> !n.equals("device"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(COVERED).as("primitives exercised by the conformance suite").containsExactlyInAnyOrderElementsOf(spi);
    }

    /**
     * Under {@code NABLA_REQUIRE_OPENCL=1} (as in CI) a machine without an OpenCL device fails here
     * instead of silently testing only the CPU backends; elsewhere that is reported as skipped.
     */
    @Test
    void openClIsUnderTestWhereRequired() {
        boolean present = Backends.available().stream().anyMatch(d -> d.type().equals("opencl"));
        String why = Backends.describe().stream().filter(l -> l.startsWith("opencl:")).findFirst()
                .orElse("opencl: no provider on the class path");
        if ("1".equals(System.getenv("NABLA_REQUIRE_OPENCL"))) {
            assertThat(present).as("NABLA_REQUIRE_OPENCL=1 but no OpenCL device is under test: " + why).isTrue();
        }
        Assumptions.assumeTrue(present, "no OpenCL device, the suite covers the CPU backends only (" + why
                + "); set NABLA_REQUIRE_OPENCL=1 to make this a failure");
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Backend backend : backendsUnderTest()) {
            for (DType dtype : DType.values()) {
                Suite s = new Suite(backend, dtype);
                nodes.add(dynamicContainer(backend.device() + " " + dtype, Stream.of(
                        dynamicContainer("memory", s.memory()),
                        dynamicContainer("unary", Arrays.stream(UnaryOp.values()).map(s::unary)),
                        dynamicContainer("binary", Arrays.stream(BinaryOp.values()).map(s::binary)),
                        dynamicContainer("addScaled", s.addScaled()),
                        dynamicContainer("where", s.where()),
                        dynamicContainer("reduce", Arrays.stream(ReduceOp.values()).map(s::reduce)),
                        dynamicContainer("argReduce", Arrays.stream(ArgReduceOp.values()).map(s::argReduce)),
                        dynamicContainer("matmul", s.matmul()),
                        dynamicContainer("matmulAdd", s.matmulAdd(false)),
                        dynamicContainer("matmulAddRelu", s.matmulAdd(true)),
                        dynamicContainer("logSoftmax", s.logSoftmax()),
                        dynamicContainer("gather and scatterAdd", s.indexing()),
                        dynamicContainer("window kernels", new WindowSuite(backend, dtype).tests()),
                        dynamicContainer("batch-normalization kernels", new BatchNormSuite(backend, dtype).tests()),
                        dynamicContainer("convolution kernels", new ConvSuite(backend, dtype).tests()),
                        dynamicContainer("fused optimizer steps", new OptimizerSuite(backend, dtype).tests()))));
            }
        }
        return nodes.stream();
    }

    /** The cases for one backend and dtype. */
    private static final class Suite {
        private final Backend b;
        private final DType dtype;

        Suite(Backend b, DType dtype) {
            this.b = b;
            this.dtype = dtype;
        }

        private Strided on(Backend backend, Layout layout, Shape shape, double[] values) {
            return layout.make(backend, dtype, shape, values);
        }

        private Strided out(Backend backend, Shape shape, Layout layout) {
            return on(backend, layout, shape, new double[shape.numel()]);
        }

        Stream<DynamicNode> memory() {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : SHAPES) {
                for (Layout layout : Layout.values()) {
                    double[] v = Values.of(layout.valueShape(shape), dtype, 1, true);
                    tests.add(dynamicTest("write/read " + shape + " " + layout, () -> {
                        Strided t = on(b, layout, shape, v);
                        Strided r = on(REF, layout, shape, v);
                        Compare.exact("readDoubles", b.readDoubles(t), REF.readDoubles(r));
                        float[] f = b.readFloats(t);
                        Compare.exact("readFloats", toDoubles(f), toDoubles(REF.readFloats(r)));
                    }));
                    tests.add(dynamicTest("fill " + shape + " " + layout, () -> {
                        Strided t = on(b, layout, shape, v);
                        Strided r = on(REF, layout, shape, v);
                        b.fill(t, -2.5);
                        REF.fill(r, -2.5);
                        Compare.exact("fill", whole(b, t), whole(REF, r));
                    }));
                    for (DType target : DType.values()) {
                        tests.add(dynamicTest("copy to " + target + " " + shape + " " + layout, () -> {
                            Strided src = on(b, layout, shape, v);
                            Strided dst = Layout.PERMUTED.make(b, target, shape, new double[shape.numel()]);
                            Strided refDst = Layout.PERMUTED.make(REF, target, shape, new double[shape.numel()]);
                            b.copy(src, dst);
                            REF.copy(on(REF, layout, shape, v), refDst);
                            Compare.exact("copy", whole(b, dst), whole(REF, refDst));
                        }));
                    }
                }
            }
            return tests.stream();
        }

        DynamicNode unary(UnaryOp op) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : SHAPES) {
                for (Layout layout : Layout.values()) {
                    double[] v = Values.of(layout.valueShape(shape), dtype, 2, true);
                    Layout outLayout = layout == Layout.FLIPPED ? Layout.STEPPED : Layout.CONTIGUOUS;
                    tests.add(dynamicTest(shape + " " + layout, () -> {
                        Strided o = out(b, shape, outLayout);
                        Strided ro = out(REF, shape, outLayout);
                        b.unary(op, on(b, layout, shape, v), o);
                        REF.unary(op, on(REF, layout, shape, v), ro);
                        Compare.close(op.name(), whole(b, o), whole(REF, ro), Tolerance.unary(op, dtype));
                    }));
                }
            }
            // where IEEE 754 and C define the result exactly, no tolerance: tanh(inf) is 1, not 1 - ulp
            double[] edges = Values.nonFiniteAndZeros(37);
            Shape shape = Shape.of(edges.length);
            tests.add(dynamicTest("NaN, infinities and zeros, exactly", () -> {
                Strided o = out(b, shape, Layout.CONTIGUOUS);
                Strided ro = out(REF, shape, Layout.CONTIGUOUS);
                b.unary(op, on(b, Layout.CONTIGUOUS, shape, edges), o);
                REF.unary(op, on(REF, Layout.CONTIGUOUS, shape, edges), ro);
                Compare.exact(op.name(), whole(b, o), whole(REF, ro));
            }));
            return dynamicContainer(op.name(), tests);
        }

        /** Operand layouts of the two-input elementwise primitives. */
        private static final Layout[][] PAIRS = {
            {Layout.CONTIGUOUS, Layout.CONTIGUOUS}, {Layout.CONTIGUOUS, Layout.SCALAR},
            {Layout.SCALAR, Layout.CONTIGUOUS}, {Layout.BROADCAST, Layout.CONTIGUOUS},
            {Layout.PERMUTED, Layout.STEPPED}, {Layout.FLIPPED, Layout.OFFSET}, {Layout.SCALAR, Layout.SCALAR}
        };

        /** A two-input primitive called as {@code (backend, a, b, out)}. */
        private interface Pairwise {
            void run(Backend backend, Strided a, Strided b, Strided out);
        }

        /** {@code op} on every shape and pair of layouts, against the reference within {@code tolerance}. */
        private List<DynamicNode> pairwise(String name, boolean someEqual, Pairwise op, Tolerance tolerance) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : SHAPES) {
                for (Layout[] pair : PAIRS) {
                    double[] va = Values.of(pair[0].valueShape(shape), dtype, 3, true);
                    double[] vb = Values.of(pair[1].valueShape(shape), dtype, 4, true);
                    if (someEqual && va.length == vb.length) {
                        System.arraycopy(va, 0, vb, 0, va.length / 3);
                    }
                    Layout outLayout = pair[0] == Layout.PERMUTED ? Layout.FLIPPED : Layout.CONTIGUOUS;
                    tests.add(dynamicTest(shape + " " + pair[0] + " " + pair[1], () -> {
                        Strided o = out(b, shape, outLayout);
                        Strided ro = out(REF, shape, outLayout);
                        op.run(b, on(b, pair[0], shape, va), on(b, pair[1], shape, vb), o);
                        op.run(REF, on(REF, pair[0], shape, va), on(REF, pair[1], shape, vb), ro);
                        Compare.close(name, whole(b, o), whole(REF, ro), tolerance);
                    }));
                }
            }
            return tests;
        }

        DynamicNode binary(BinaryOp op) {
            List<DynamicNode> tests = pairwise(op.name(), op.isComparison(),
                    (backend, x, y, o) -> backend.binary(op, x, y, o), Tolerance.binary(op, dtype));
            double[][] pairs = Values.specialPairs(dtype);
            Shape shape = Shape.of(pairs[0].length);
            tests.add(dynamicTest("every pair of special values", () -> {
                Strided o = out(b, shape, Layout.CONTIGUOUS);
                Strided ro = out(REF, shape, Layout.CONTIGUOUS);
                b.binary(op, on(b, Layout.CONTIGUOUS, shape, pairs[0]), on(b, Layout.CONTIGUOUS, shape, pairs[1]), o);
                REF.binary(op, on(REF, Layout.CONTIGUOUS, shape, pairs[0]), on(REF, Layout.CONTIGUOUS, shape, pairs[1]),
                        ro);
                Compare.close(op.name(), whole(b, o), whole(REF, ro), Tolerance.binary(op, dtype));
            }));
            return dynamicContainer(op.name(), tests);
        }

        /** Rounded once, so exact: the cancellation of a + alpha * b shows a second rounding. */
        Stream<DynamicNode> addScaled() {
            return DoubleStream.of(-0.01, 0.9, 1 / 3.0, -7).mapToObj(alpha -> dynamicContainer("alpha " + alpha,
                    pairwise("addScaled", false, (backend, x, y, o) -> backend.addScaled(x, y, alpha, o),
                            Tolerance.EXACT)));
        }

        Stream<DynamicNode> where() {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : SHAPES) {
                for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.BROADCAST, Layout.SCALAR)) {
                    double[] c = Values.of(layout.valueShape(shape), dtype, 5, true);
                    for (int i = 0; i < c.length; i += 2) {
                        c[i] = 0;
                    }
                    double[] va = Values.of(shape, dtype, 6, true);
                    double[] vb = Values.of(Layout.SCALAR.valueShape(shape), dtype, 7, false);
                    tests.add(dynamicTest(shape + " condition " + layout, () -> {
                        Strided o = out(b, shape, Layout.CONTIGUOUS);
                        Strided ro = out(REF, shape, Layout.CONTIGUOUS);
                        b.where(on(b, layout, shape, c), on(b, Layout.FLIPPED, shape, va), on(b, Layout.SCALAR, shape, vb), o);
                        REF.where(on(REF, layout, shape, c), on(REF, Layout.FLIPPED, shape, va),
                                on(REF, Layout.SCALAR, shape, vb), ro);
                        Compare.exact("where", whole(b, o), whole(REF, ro));
                    }));
                }
            }
            return tests.stream();
        }

        DynamicNode reduce(ReduceOp op) {
            List<DynamicNode> tests = new ArrayList<>();
            List<Shape> shapes = new ArrayList<>(SHAPES);
            shapes.addAll(List.of(Shape.of(2, 40_000), Shape.of(70_000), Shape.of(600, 130), Shape.of(3, 4, 5, 6)));
            for (Shape shape : shapes) {
                for (boolean[] axes : axisSubsets(shape.rank())) {
                    if (op != ReduceOp.SUM && emptyReduction(shape, axes)) {
                        continue;
                    }
                    for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.STEPPED)) {
                        double[] v = Values.of(shape, dtype, 8, op != ReduceOp.SUM);
                        Shape outShape = keptShape(shape, axes);
                        tests.add(dynamicTest(shape + " axes " + Arrays.toString(axes) + " " + layout, () -> {
                            Strided o = out(b, outShape, Layout.CONTIGUOUS);
                            Strided ro = out(REF, outShape, Layout.CONTIGUOUS);
                            b.reduce(op, on(b, layout, shape, v), o);
                            REF.reduce(op, on(REF, layout, shape, v), ro);
                            double scale = op == ReduceOp.SUM ? sumAbs(v) : 0;
                            Compare.close(op.name(), whole(b, o), whole(REF, ro), Tolerance.sum(dtype, scale));
                        }));
                    }
                }
            }
            return dynamicContainer(op.name(), tests);
        }

        DynamicNode argReduce(ArgReduceOp op) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : List.of(Shape.of(7), Shape.of(3, 17), Shape.of(2, 3, 5), Shape.of(4, 1, 6))) {
                for (int axis = 0; axis < shape.rank(); axis++) {
                    int a = axis;
                    double[] v = Values.of(shape, dtype, 9, true);
                    tests.add(dynamicTest(shape + " axis " + axis, () -> {
                        Strided o = out(b, shape.with(a, 1), Layout.CONTIGUOUS);
                        Strided ro = out(REF, shape.with(a, 1), Layout.CONTIGUOUS);
                        b.argReduce(op, on(b, Layout.PERMUTED, shape, v), a, o);
                        REF.argReduce(op, on(REF, Layout.PERMUTED, shape, v), a, ro);
                        Compare.exact(op.name(), whole(b, o), whole(REF, ro));
                    }));
                }
            }
            return dynamicContainer(op.name(), tests);
        }

        Stream<DynamicNode> matmul() {
            int[][] shapes = {{1, 1, 1, 1}, {1, 7, 5, 3}, {2, 33, 17, 9}, {3, 64, 128, 48}, {1, 0, 4, 3},
                              {1, 5, 0, 3}, {2, 31, 257, 65}, {1, 130, 70, 200}};
            List<DynamicNode> tests = new ArrayList<>();
            for (int[] s : shapes) {
                for (Layout la : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.BROADCAST)) {
                    for (Layout lb : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.STEPPED)) {
                        Shape sa = Shape.of(s[0], s[1], s[2]);
                        Shape sb = Shape.of(s[0], s[2], s[3]);
                        double[] va = Values.of(la.valueShape(sa), dtype, 10, false);
                        double[] vb = Values.of(lb.valueShape(sb), dtype, 11, false);
                        tests.add(dynamicTest(Arrays.toString(s) + " " + la + " " + lb, () -> {
                            Shape so = Shape.of(s[0], s[1], s[3]);
                            Strided o = out(b, so, Layout.CONTIGUOUS);
                            Strided ro = out(REF, so, Layout.CONTIGUOUS);
                            b.matmul(on(b, la, sa, va), on(b, lb, sb, vb), o);
                            REF.matmul(on(REF, la, sa, va), on(REF, lb, sb, vb), ro);
                            Compare.close("matmul", whole(b, o), whole(REF, ro), Tolerance.matmul(dtype, s[2]));
                        }));
                    }
                }
            }
            return tests.stream();
        }

        /**
         * The addend as a bias {@code [N]}, a full operand (contiguous rows, or permuted so its rows
         * are strided), one value per row {@code [B, M, 1]}, and a scalar; each compared bit for bit
         * with this backend's own matmul and ADD (then RELU, for {@code matmulAddRelu}), which the SPI
         * promises, and with the reference.
         */
        Stream<DynamicNode> matmulAdd(boolean relu) {
            String name = relu ? "matmulAddRelu" : "matmulAdd";
            int[][] shapes = {{1, 1, 1, 1}, {1, 7, 5, 3}, {2, 33, 17, 9}, {1, 0, 4, 3}, {1, 5, 0, 3},
                              {2, 31, 257, 65}, {1, 130, 70, 200}, {1, 256, 100, 10}};
            List<DynamicNode> tests = new ArrayList<>();
            for (int[] s : shapes) {
                Shape sa = Shape.of(s[0], s[1], s[2]);
                Shape sb = Shape.of(s[0], s[2], s[3]);
                Shape so = Shape.of(s[0], s[1], s[3]);
                double[] va = Values.of(sa, dtype, 15, false);
                double[] vb = Values.of(sb, dtype, 16, false);
                for (String addend : List.of("bias", "contiguous", "permuted", "per row", "scalar")) {
                    for (Layout la : List.of(Layout.CONTIGUOUS, Layout.PERMUTED)) {
                        tests.add(dynamicTest(Arrays.toString(s) + " " + la + " addend " + addend, () -> {
                            Strided o = out(b, so, Layout.CONTIGUOUS);
                            Strided ro = out(REF, so, Layout.CONTIGUOUS);
                            matmulAdd(b, relu, on(b, la, sa, va), on(b, Layout.CONTIGUOUS, sb, vb),
                                    addend(b, addend, so), o);
                            matmulAdd(REF, relu, on(REF, la, sa, va), on(REF, Layout.CONTIGUOUS, sb, vb),
                                    addend(REF, addend, so), ro);
                            Strided product = out(b, so, Layout.CONTIGUOUS);
                            Strided composed = out(b, so, Layout.CONTIGUOUS);
                            b.matmul(on(b, la, sa, va), on(b, Layout.CONTIGUOUS, sb, vb), product);
                            b.binary(BinaryOp.ADD, product, addend(b, addend, so), composed);
                            if (relu) {
                                b.unary(UnaryOp.RELU, composed, product);
                                composed = product;
                            }
                            Compare.exact(name + " against matmul then ADD" + (relu ? " then RELU" : ""),
                                    whole(b, o), whole(b, composed));
                            Compare.close(name, whole(b, o), whole(REF, ro), Tolerance.matmul(dtype, s[2]));
                        }));
                    }
                }
            }
            return tests.stream();
        }

        /** {@code backend.matmulAdd}, or {@code matmulAddRelu} when {@code relu} is set. */
        private static void matmulAdd(Backend backend, boolean relu, Strided a, Strided bMat, Strided addend,
                                      Strided out) {
            if (relu) {
                backend.matmulAddRelu(a, bMat, addend, out);
            } else {
                backend.matmulAdd(a, bMat, addend, out);
            }
        }

        /** An addend of shape {@code [B, M, N]} as {@link #matmulAdd} names it. */
        private Strided addend(Backend backend, String kind, Shape shape) {
            Shape stored = switch (kind) {
                case "bias" -> Shape.of(1, 1, shape.dim(2));
                case "per row" -> shape.with(2, 1);
                case "scalar" -> Shape.of(1, 1, 1);
                default -> shape;
            };
            Layout layout = kind.equals("permuted") ? Layout.PERMUTED : Layout.CONTIGUOUS;
            Strided t = on(backend, layout, stored, Values.of(stored, dtype, 17, true));
            return t.with(t.view().expand(shape));
        }

        /**
         * Log-softmax and its gradient along every axis of shapes with rows shorter and longer than
         * a vector, many rows (run in parallel), on contiguous and permuted operands, with values
         * large enough to overflow exp without the shift, and NaN and infinities in some rows.
         */
        Stream<DynamicNode> logSoftmax() {
            List<DynamicNode> tests = new ArrayList<>();
            for (Shape shape : List.of(Shape.of(1), Shape.of(7), Shape.of(3, 10), Shape.of(2, 3, 5), Shape.of(4, 1, 6),
                    Shape.of(5, 33), Shape.of(7000, 10), Shape.of(300, 301))) {
                for (int axis = 0; axis < shape.rank(); axis++) {
                    for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED)) {
                        int a = axis;
                        boolean special = shape.numel() < 100;
                        double[] v = Values.of(shape, dtype, 18, special);
                        double[] g = Values.of(shape, dtype, 19, false);
                        for (int i = 0; i < v.length; i++) {
                            v[i] *= 30;
                        }
                        tests.add(dynamicTest(shape + " axis " + axis + " " + layout, () -> {
                            Strided o = out(b, shape, Layout.CONTIGUOUS);
                            Strided ro = out(REF, shape, Layout.CONTIGUOUS);
                            b.logSoftmax(on(b, layout, shape, v), a, o);
                            REF.logSoftmax(on(REF, layout, shape, v), a, ro);
                            Compare.close("logSoftmax", whole(b, o), whole(REF, ro), Tolerance.softmax(dtype, shape.dim(a)));
                            Strided gi = out(b, shape, Layout.CONTIGUOUS);
                            Strided rgi = out(REF, shape, Layout.CONTIGUOUS);
                            b.logSoftmaxBackward(on(b, layout, shape, g), o, a, gi);
                            REF.logSoftmaxBackward(on(REF, layout, shape, g), ro, a, rgi);
                            Compare.close("logSoftmaxBackward", whole(b, gi), whole(REF, rgi),
                                    Tolerance.softmaxGradient(dtype, shape.dim(a)));
                        }));
                    }
                }
            }
            return tests.stream();
        }

        Stream<DynamicNode> indexing() {
            List<DynamicNode> tests = new ArrayList<>();
            Shape x = Shape.of(4, 9, 5);
            for (int axis = 0; axis < 3; axis++) {
                int a = axis;
                Shape idx = Shape.of(3, 6, 4).with(a, 7);
                double[] v = Values.of(x, dtype, 12, true);
                double[] index = Values.indices(idx, x.dim(a), 13);
                double[] grad = Values.of(idx, dtype, 14, false);
                tests.add(dynamicTest("gather axis " + a, () -> {
                    Strided o = out(b, idx, Layout.CONTIGUOUS);
                    Strided ro = out(REF, idx, Layout.CONTIGUOUS);
                    b.gather(on(b, Layout.PERMUTED, x, v), a, on(b, Layout.STEPPED, idx, index), o);
                    REF.gather(on(REF, Layout.PERMUTED, x, v), a, on(REF, Layout.STEPPED, idx, index), ro);
                    Compare.exact("gather", whole(b, o), whole(REF, ro));
                }));
                tests.add(dynamicTest("scatterAdd axis " + a, () -> {
                    Strided o = on(b, Layout.FLIPPED, x, Values.of(x, dtype, 15, false));
                    Strided ro = on(REF, Layout.FLIPPED, x, Values.of(x, dtype, 15, false));
                    b.scatterAdd(on(b, Layout.PERMUTED, idx, grad), a, on(b, Layout.CONTIGUOUS, idx, index), o);
                    REF.scatterAdd(on(REF, Layout.PERMUTED, idx, grad), a, on(REF, Layout.CONTIGUOUS, idx, index), ro);
                    Compare.close("scatterAdd", whole(b, o), whole(REF, ro), Tolerance.sum(dtype, 100));
                }));
            }
            return tests.stream();
        }

        private static double[] whole(Backend backend, Strided t) {
            return Layout.whole(backend, t);
        }
    }

    static List<boolean[]> axisSubsets(int rank) {
        List<boolean[]> out = new ArrayList<>();
        for (int mask = 1; mask < (1 << rank); mask++) {
            boolean[] axes = new boolean[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = (mask & (1 << i)) != 0;
            }
            out.add(axes);
        }
        return out;
    }

    private static boolean emptyReduction(Shape shape, boolean[] axes) {
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] && shape.dim(i) == 0) {
                return true;
            }
        }
        return false;
    }

    private static Shape keptShape(Shape shape, boolean[] axes) {
        int[] dims = shape.dims();
        for (int i = 0; i < dims.length; i++) {
            if (axes[i]) {
                dims[i] = 1;
            }
        }
        return Shape.of(dims);
    }

    private static double sumAbs(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return s;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
