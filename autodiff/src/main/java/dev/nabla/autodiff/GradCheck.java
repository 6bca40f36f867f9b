package dev.nabla.autodiff;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.StridedCursor;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import java.util.function.Function;

/**
 * Checks analytic gradients against central differences, in F64.
 *
 * <p>The function's output is projected onto fixed random weights {@code w}, giving the scalar
 * {@code L = sum(f(x) * w)}; for every element of every input that requires grad, the analytic
 * {@code dL/dx} from {@code backward()} must agree with {@code (L(x+eps) - L(x-eps)) / 2eps}
 * within {@code atol + rtol * |numeric|}. A random projection checks the whole vector-Jacobian
 * product, not only the gradient of a plain sum.
 */
public final class GradCheck {
    /** Default step and tolerances, as PyTorch's gradcheck. */
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;

    private GradCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param passed       whether every element agreed
     * @param checked      how many input elements were compared
     * @param maxAbsError  the largest |analytic - numeric| seen
     * @param firstFailure a description of the first disagreement, or empty
     */
    public record Result(boolean passed, int checked, double maxAbsError, String firstFailure) {
    }

    /** Checks {@code f} at {@code inputs} with the default step and tolerances. */
    public static Result check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        return check(f, inputs, EPS, ATOL, RTOL);
    }

    /**
     * Checks {@code f} at {@code inputs}: F64 tensors without overlapping elements; those with
     * {@code requiresGrad} are checked. Their gradients are cleared first and left holding the
     * analytic gradient of the projected output; their values are restored after perturbation.
     *
     * @throws IllegalArgumentException if an input is not F64, overlaps itself, or none requires grad
     */
    public static Result check(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, double eps, double atol,
                               double rtol) {
        boolean any = false;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            if (x.dtype() != DType.F64) {
                throw new IllegalArgumentException("gradCheck: input " + i + " is " + x.dtype()
                        + "; central differences need F64: pass x.to(DType.F64)");
            }
            if (x.requiresGrad()) {
                any = true;
                requireNoOverlap(i, x);
                x.zeroGrad();
            }
        }
        if (!any) {
            throw new IllegalArgumentException("gradCheck: no input requires grad; call requiresGrad(true) on the"
                    + " inputs to check");
        }
        Tensor out = f.apply(inputs);
        Tensor weights = Tensor.rand(new Rng(1234), out.shape(), DType.F64, out.device()).add(0.5);
        out.mul(weights).sum().backward();

        int checked = 0;
        double maxError = 0;
        String failure = "";
        try (GradMode.Scope s = GradMode.disable()) {
            for (int i = 0; i < inputs.size(); i++) {
                Tensor x = inputs.get(i);
                if (!x.requiresGrad()) {
                    continue;
                }
                double[] analytic = x.grad() == null ? new double[x.numel()] : x.grad().toDoubleArray();
                StridedCursor cursor = new StridedCursor(x.shape(), x.strided().view());
                for (int e = 0; e < x.numel(); e++, cursor.next()) {
                    Strided element = x.strided().with(View.of(Shape.scalar(), new int[0], cursor.offset(0)));
                    double numeric = centralDifference(f, inputs, weights, x, element, eps);
                    double error = Math.abs(analytic[e] - numeric);
                    maxError = Math.max(maxError, error);
                    checked++;
                    if (!(error <= atol + rtol * Math.abs(numeric)) && failure.isEmpty()) {
                        failure = "input " + i + " " + x.shape() + ", element " + e + ": analytic " + analytic[e]
                                + ", numeric " + numeric;
                    }
                }
            }
        }
        return new Result(failure.isEmpty(), checked, maxError, failure);
    }

    /** Like {@link #check} but throws an {@link AssertionError} describing the first failure. */
    public static void verify(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        Result r = check(f, inputs);
        if (!r.passed()) {
            throw new AssertionError("gradCheck failed at " + r.firstFailure() + " (max abs error " + r.maxAbsError()
                    + " over " + r.checked() + " elements)");
        }
    }

    private static double centralDifference(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Tensor weights,
                                            Tensor x, Strided element, double eps) {
        double original = x.backend().readDoubles(element)[0];
        double plus = valueAt(f, inputs, weights, x, element, original + eps);
        double minus = valueAt(f, inputs, weights, x, element, original - eps);
        set(x, element, original);
        return (plus - minus) / (2 * eps);
    }

    /** The weighted sum of {@code f} with {@code element} of {@code x} set to {@code value}. */
    private static double valueAt(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Tensor weights, Tensor x,
                                  Strided element, double value) {
        set(x, element, value);
        return f.apply(inputs).mul(weights).sum().item();
    }

    /** An in-place write, counted in {@code x}'s version so that values derived from it are made again. */
    private static void set(Tensor x, Strided element, double value) {
        x.backend().fill(element, value);
        x.storage().bumpVersion();
    }

    private static void requireNoOverlap(int i, Tensor x) {
        View v = x.strided().view();
        for (int axis = 0; axis < v.rank(); axis++) {
            if (v.stride(axis) == 0 && v.shape().dim(axis) > 1) {
                throw new IllegalArgumentException("gradCheck: input " + i + " of shape " + x.shape()
                        + " is broadcast (stride 0 on axis " + axis + "); pass a tensor whose elements are distinct,"
                        + " e.g. x.contiguous()");
            }
        }
    }
}
