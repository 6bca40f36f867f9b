package dev.nabla.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every golden case against PyTorch: in F32 against torch's float32 results, in F64 against its
 * float64 results (output and input gradients for the same upstream gradient), and, for
 * differentiable ops, {@link GradCheck} in F64 at the same inputs.
 */
class GoldenOpsTest {
    /**
     * Checks that disagree with PyTorch beyond tolerance because of an engine bug, keyed
     * {@code "case/check"} (check: F32, F64 or gradcheck), each with the observed difference. They
     * are run and must still fail; once the engine is fixed the check passes, and this test fails
     * until the entry is removed.
     */
    static final Map<String, String> KNOWN_MISMATCHES = Map.of();

    @TestFactory
    Stream<DynamicContainer> goldenCases() {
        return GoldenFixtures.cases().stream().map(c -> dynamicContainer(c.name(), checks(c)));
    }

    @Test
    void fixturesHoldCasesAndKnownMismatchesNameThem() {
        List<String> checks = new ArrayList<>();
        for (GoldenCase c : GoldenFixtures.cases()) {
            checks.add(c.name() + "/F32");
            checks.add(c.name() + "/F64");
            checks.add(c.name() + "/gradcheck");
        }
        assertThat(GoldenFixtures.cases()).hasSizeGreaterThan(200);
        assertThat(checks).as("KNOWN_MISMATCHES keys").containsAll(KNOWN_MISMATCHES.keySet());
    }

    private static Stream<DynamicTest> checks(GoldenCase c) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("F32 vs torch float32", () -> expect(c, "F32", () -> compareWithTorch(c, DType.F32))));
        tests.add(dynamicTest("F64 vs torch float64", () -> expect(c, "F64", () -> compareWithTorch(c, DType.F64))));
        if (c.gradcheck()) {
            tests.add(dynamicTest("gradcheck F64", () -> expect(c, "gradcheck", () -> gradCheck(c))));
        }
        return tests.stream();
    }

    /** Runs {@code check}; for a known mismatch, requires that it still fails. */
    private static void expect(GoldenCase c, String check, Executable body) throws Throwable {
        String known = KNOWN_MISMATCHES.get(c.name() + "/" + check);
        if (known == null) {
            body.execute();
            return;
        }
        try {
            body.execute();
        } catch (AssertionError | RuntimeException stillBroken) {
            return;
        }
        throw new AssertionError(c.name() + "/" + check + " now agrees with torch; remove it from KNOWN_MISMATCHES"
                + " (it was: " + known + ")");
    }

    /**
     * Output and input gradients of {@code c} in {@code dtype}, against torch's. All of them are
     * compared before failing, so one message shows whether only the output or also the
     * gradients disagree.
     */
    private static void compareWithTorch(GoldenCase c, DType dtype) {
        String tag = dtype == DType.F32 ? "f32" : "f64";
        String where = "case " + c.name() + " " + dtype + " " + c.args();
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            Tensor x = prepare(c, i, GoldenFixtures.tensor(c.key("in" + i), dtype));
            // a leaf with the prepared (often non-contiguous) view, as torch's x.detach().requires_grad_()
            inputs.add(c.inputs().get(i).requiresGrad() ? x.detach().requiresGrad(true) : x);
        }
        Tensor out = OpRegistry.apply(c.op(), inputs, c.args());
        List<String> failures = new ArrayList<>();
        FixtureReader.Stored expectedOut = GoldenFixtures.stored(c.key(tag + "/out"));
        Closeness.collect(failures, () -> Closeness.assertClose(where + ": output", expectedOut, out,
                Tolerances.forward(dtype)));
        if (c.differentiable()) {
            out.backward(GoldenFixtures.tensor(c.key("gout"), dtype));
            for (int i = 0; i < inputs.size(); i++) {
                if (c.inputs().get(i).requiresGrad()) {
                    Tensor grad = inputs.get(i).grad();
                    // no gradient reached the input: compare as zeros, which torch reports for unused inputs
                    Tensor actual = grad != null ? grad : inputs.get(i).zerosLike();
                    String what = where + ": grad of input " + i;
                    FixtureReader.Stored expected = GoldenFixtures.stored(c.key(tag + "/grad" + i));
                    Closeness.collect(failures,
                            () -> Closeness.assertClose(what, expected, actual, Tolerances.grad(dtype)));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /**
     * Central differences in F64 at the case's inputs. The leaves are the stored, contiguous
     * tensors and the prep runs inside the function, because an expanded leaf has overlapping
     * elements that cannot be perturbed one at a time.
     */
    private static void gradCheck(GoldenCase c) {
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            Tensor stored = GoldenFixtures.tensor(c.key("in" + i), DType.F64);
            leaves.add(stored.requiresGrad(c.inputs().get(i).requiresGrad()));
        }
        GradCheck.Result r = GradCheck.check(xs -> {
            List<Tensor> prepared = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                prepared.add(prepare(c, i, xs.get(i)));
            }
            return OpRegistry.apply(c.op(), prepared, c.args());
        }, leaves);
        if (!r.passed()) {
            throw new AssertionError("case " + c.name() + " F64 gradcheck " + c.args() + ": " + r.firstFailure()
                    + " (max abs error " + r.maxAbsError() + " over " + r.checked() + " elements)");
        }
    }

    /** Applies input {@code i}'s prep steps (movement ops) to {@code x}. */
    private static Tensor prepare(GoldenCase c, int i, Tensor x) {
        for (GoldenCase.Step step : c.inputs().get(i).prep()) {
            x = OpRegistry.apply(step.op(), List.of(x), step.args());
        }
        return x;
    }
}
