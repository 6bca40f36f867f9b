package dev.nabla.tests.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.AdagradStep;
import dev.nabla.tensor.spi.AdamStep;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.RmspropStep;
import dev.nabla.tensor.spi.SgdStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The fused optimizer steps of one backend and dtype against the reference backend's default
 * composition, bit for bit: for SGD every combination of momentum (none, first step, later
 * steps), dampening, weight decay and Nesterov momentum; for Adam both kinds of weight decay,
 * AMSGrad with and without a previous maximum, and steps past the first; for Adagrad weight
 * decay and learning-rate decay; for RMSprop weight decay, momentum and centering, alone and
 * together; on empty, short (a vector tail), and long (parallel) parameters, contiguous (the
 * fused path) and permuted or offset (other layouts), with NaN and infinities among the values. The whole buffer behind each written operand is compared,
 * so writes outside its view are caught.
 */
final class OptimizerSuite {
    private static final Backend REF = ReferenceBackend.INSTANCE;
    private static final List<Shape> SHAPES = List.of(Shape.of(0), Shape.of(7), Shape.of(3, 17), Shape.of(300, 301));
    private static final List<SgdStep> SETTINGS = List.of(
            new SgdStep(0.1, 0, 0, 0, false),
            new SgdStep(0.01, 0, 0, 1e-2, false),
            new SgdStep(0.01, 0.9, 0, 0, false),
            new SgdStep(0.03, 0.9, 0.1, 5e-4, false),
            new SgdStep(1 / 3.0, 0.7, 0, 1e-3, true));

    private static final List<AdamStep> ADAM = List.of(
            new AdamStep(1e-3, 0.9, 0.999, 1e-8, 0, false, false, 1),
            new AdamStep(1e-2, 0.9, 0.999, 1e-8, 1e-2, false, false, 3),
            new AdamStep(3e-3, 0.8, 0.99, 1e-6, 1e-2, true, false, 5),
            new AdamStep(1e-3, 0.9, 0.999, 1e-8, 0, false, true, 2),
            new AdamStep(2e-2, 0.9, 0.999, 1e-8, 5e-4, true, true, 7));

    private static final List<AdagradStep> ADAGRAD = List.of(
            new AdagradStep(1e-2, 0, 0, 1e-10, 1),
            new AdagradStep(0.1, 1e-3, 1e-2, 1e-10, 4),
            new AdagradStep(3e-2, 0.5, 0, 1e-6, 9));

    private static final List<RmspropStep> RMSPROP = List.of(
            new RmspropStep(1e-2, 0.99, 1e-8, 0, 0, false),
            new RmspropStep(3e-2, 0.9, 1e-6, 1e-2, 0.9, false),
            new RmspropStep(1e-2, 0.99, 1e-8, 0, 0, true),
            new RmspropStep(5e-2, 0.95, 1e-8, 5e-4, 0.5, true));

    private final Backend b;
    private final DType dtype;

    OptimizerSuite(Backend b, DType dtype) {
        this.b = b;
        this.dtype = dtype;
    }

    Stream<DynamicNode> tests() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Shape shape : SHAPES) {
            for (Layout layout : List.of(Layout.CONTIGUOUS, Layout.PERMUTED, Layout.OFFSET)) {
                String at = " " + shape + " " + layout + " ";
                for (SgdStep s : SETTINGS) {
                    for (boolean first : new boolean[] {true, false}) {
                        if (!first || s.momentum() != 0) {
                            tests.add(compared("sgdStep" + at + s + (first ? " first" : ""),
                                    new String[] {"param", "new buffer"}, k -> sgd(k, layout, shape, s, first)));
                        }
                    }
                }
                for (AdamStep s : ADAM) {
                    for (boolean firstMax : s.amsgrad() ? new boolean[] {true, false} : new boolean[] {false}) {
                        tests.add(compared("adamStep" + at + s + (firstMax ? " first max" : ""),
                                new String[] {"param", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"},
                                k -> adam(k, layout, shape, s, firstMax)));
                    }
                }
                for (AdagradStep s : ADAGRAD) {
                    tests.add(compared("adagradStep" + at + s, new String[] {"param", "sum"},
                            k -> adagrad(k, layout, shape, s)));
                }
                for (RmspropStep s : RMSPROP) {
                    tests.add(compared("rmspropStep" + at + s,
                            new String[] {"param", "square_avg", "grad_avg", "momentum_buffer"},
                            k -> rmsprop(k, layout, shape, s)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * A test of one fused step: the operands {@code step} leaves written on a backend (named by
     * {@code what}; null ones absent), on this backend against the reference, bit for bit.
     */
    private DynamicNode compared(String name, String[] what, Function<Backend, Strided[]> step) {
        return dynamicTest(name, () -> {
            Strided[] got = step.apply(b);
            Strided[] want = step.apply(REF);
            for (int i = 0; i < got.length; i++) {
                if (got[i] != null) {
                    Compare.exact(name + ": " + what[i], Layout.whole(b, got[i]), Layout.whole(REF, want[i]));
                }
            }
        });
    }

    /**
     * The parameter after one RMSprop step and the new averages and buffer (null where the step
     * keeps none), written over garbage. The gradient average is at most as large as the root of
     * the square average, as it is in training, so the centered variance is not negative.
     */
    private Strided[] rmsprop(Backend k, Layout layout, Shape shape, RmspropStep s) {
        Strided param = layout.make(k, dtype, shape, Values.of(shape, dtype, 91, true));
        Strided grad = layout.make(k, dtype, shape, Values.of(shape, dtype, 92, true));
        double[] averages = Values.of(shape, dtype, 93, true);
        Strided squareAvg = layout.make(k, dtype, shape, squares(averages));
        Strided gradAvg = s.centered() ? layout.make(k, dtype, shape, halves(averages)) : null;
        Strided buffer = s.hasMomentum() ? layout.make(k, dtype, shape, Values.of(shape, dtype, 94, true)) : null;
        Strided newSquareAvg = layout.make(k, dtype, shape, Values.of(shape, dtype, 95, true));
        Strided newGradAvg = s.centered() ? layout.make(k, dtype, shape, Values.of(shape, dtype, 96, true)) : null;
        Strided newBuffer = s.hasMomentum() ? layout.make(k, dtype, shape, Values.of(shape, dtype, 97, true)) : null;
        k.rmspropStep(param, grad, squareAvg, gradAvg, buffer, newSquareAvg, newGradAvg, newBuffer, s);
        return new Strided[] {param, newSquareAvg, newGradAvg, newBuffer};
    }

    /** Half of each value (exact), NaN kept. */
    private static double[] halves(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / 2;
        }
        return out;
    }

    /** The parameter after one Adagrad step and the new sum, written over garbage. */
    private Strided[] adagrad(Backend k, Layout layout, Shape shape, AdagradStep s) {
        Strided param = layout.make(k, dtype, shape, Values.of(shape, dtype, 81, true));
        Strided grad = layout.make(k, dtype, shape, Values.of(shape, dtype, 82, true));
        Strided sum = layout.make(k, dtype, shape, squares(Values.of(shape, dtype, 83, true)));
        Strided newSum = layout.make(k, dtype, shape, Values.of(shape, dtype, 84, true));
        k.adagradStep(param, grad, sum, newSum, s);
        return new Strided[] {param, newSum};
    }

    /**
     * The parameter after one Adam step and the new moments (the maximum null without AMSGrad),
     * written over garbage; the old maximum absent when {@code firstMax}.
     */
    private Strided[] adam(Backend k, Layout layout, Shape shape, AdamStep s, boolean firstMax) {
        Strided param = layout.make(k, dtype, shape, Values.of(shape, dtype, 71, true));
        Strided grad = layout.make(k, dtype, shape, Values.of(shape, dtype, 72, true));
        Strided expAvg = layout.make(k, dtype, shape, Values.of(shape, dtype, 73, true));
        Strided expAvgSq = layout.make(k, dtype, shape, squares(Values.of(shape, dtype, 74, true)));
        Strided max = s.amsgrad() && !firstMax ? layout.make(k, dtype, shape, squares(Values.of(shape, dtype, 75, true)))
                : null;
        Strided newExpAvg = layout.make(k, dtype, shape, Values.of(shape, dtype, 76, true));
        Strided newExpAvgSq = layout.make(k, dtype, shape, Values.of(shape, dtype, 77, true));
        Strided newMax = s.amsgrad() ? layout.make(k, dtype, shape, Values.of(shape, dtype, 78, true)) : null;
        k.adamStep(param, grad, expAvg, expAvgSq, max, newExpAvg, newExpAvgSq, newMax, s);
        return new Strided[] {param, newExpAvg, newExpAvgSq, newMax};
    }

    /** Second moments: the squares of {@code v} (exact in the dtype's range for these values), NaN kept. */
    private double[] squares(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sq = v[i] * v[i];
            out[i] = dtype == DType.F32 ? (float) sq : sq;
        }
        return out;
    }

    /** The parameter after one step and the new momentum buffer (null without momentum), written over garbage. */
    private Strided[] sgd(Backend k, Layout layout, Shape shape, SgdStep s, boolean first) {
        Strided param = layout.make(k, dtype, shape, Values.of(shape, dtype, 61, true));
        Strided grad = layout.make(k, dtype, shape, Values.of(shape, dtype, 62, true));
        Strided buffer = first || s.momentum() == 0 ? null
                : layout.make(k, dtype, shape, Values.of(shape, dtype, 63, true));
        Strided newBuffer = s.momentum() == 0 ? null : layout.make(k, dtype, shape, Values.of(shape, dtype, 64, true));
        k.sgdStep(param, grad, buffer, newBuffer, s);
        return new Strided[] {param, newBuffer};
    }
}
