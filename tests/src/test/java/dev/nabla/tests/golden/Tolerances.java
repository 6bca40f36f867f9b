package dev.nabla.tests.golden;

import dev.nabla.tensor.DType;
import dev.nabla.tests.golden.Closeness.Tolerance;

/**
 * The tolerances of the golden comparisons (ARCHITECTURE.md, Tests). Float32 runs compare with
 * torch's float32 results, so both sides round; F64 runs differ from torch only by summation order
 * and last-ulp differences of the math library. No case needs a looser float32 tolerance today:
 * the large-value cases (exp, pow, sigmoid, softmax, logSumExp at |x| ~ 1000) pass with these.
 * Should one ever need it, give it a per-case entry here with the float32 reason; an engine error
 * goes to {@code GoldenOpsTest.KNOWN_MISMATCHES} instead.
 */
public final class Tolerances {
    static final Tolerance F32_FORWARD = new Tolerance(1e-6, 1e-4);
    static final Tolerance F32_GRAD = new Tolerance(1e-4, 1e-3);
    static final Tolerance F64 = new Tolerance(1e-10, 1e-8);

    private Tolerances() {
    }

    /** The tolerance for outputs in {@code dtype}. */
    public static Tolerance forward(DType dtype) {
        return dtype == DType.F64 ? F64 : F32_FORWARD;
    }

    /** The tolerance for input gradients in {@code dtype}. */
    public static Tolerance grad(DType dtype) {
        return dtype == DType.F64 ? F64 : F32_GRAD;
    }
}
