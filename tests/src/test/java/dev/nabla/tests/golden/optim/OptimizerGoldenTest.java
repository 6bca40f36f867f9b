package dev.nabla.tests.golden.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.Closeness;
import dev.nabla.tests.golden.Closeness.Tolerance;
import dev.nabla.tests.golden.FixtureReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays PyTorch's 50-step trajectories of every optimizer and option combination, comparing
 * every parameter after every step, and checks that saving the optimizer's state dict to a
 * safetensors file at step 25 and loading it into a fresh optimizer continues bit-exactly.
 */
class OptimizerGoldenTest {
    static final int RESUME_AT = 25;
    /** Fifty steps compound the rounding of float32 arithmetic, so F32 gets a loose tolerance. */
    static final Tolerance F32 = new Tolerance(1e-5, 1e-4);
    static final Tolerance F64 = new Tolerance(1e-12, 1e-10);

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        return OptimGoldens.cases().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, DType.F64), Arguments.of(c, DType.F32)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void followsPyTorchStepByStep(OptimCase goldenCase, DType dtype) {
        GoldenRun run = new GoldenRun(goldenCase, dtype);
        for (int step = 1; step <= OptimGoldens.STEPS; step++) {
            double norm = run.step();
            compare(run, step, norm);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void resumesBitExactlyFromAStateDictSavedMidRun(OptimCase goldenCase, DType dtype) throws IOException {
        GoldenRun uninterrupted = new GoldenRun(goldenCase, dtype);
        GoldenRun first = new GoldenRun(goldenCase, dtype);
        for (int step = 1; step <= RESUME_AT; step++) {
            uninterrupted.step();
            first.step();
        }
        Path modelFile = dir.resolve("model.safetensors");
        Path optimizerFile = dir.resolve("optimizer.safetensors");
        first.model.save(modelFile);
        first.optimizer.save(optimizerFile);

        GoldenRun resumed = new GoldenRun(goldenCase, dtype);
        resumed.optimizer.paramGroups().forEach(g -> g.setLr(123)); // the state dict restores the real ones
        resumed.model.load(modelFile);
        resumed.optimizer.load(optimizerFile);
        assertThat(resumed.optimizer.paramGroups().get(0).options())
                .isEqualTo(uninterrupted.optimizer.paramGroups().get(0).options());
        for (int step = RESUME_AT + 1; step <= OptimGoldens.STEPS; step++) {
            uninterrupted.step();
            double norm = resumed.step();
            compare(resumed, step, norm);
            for (Map.Entry<String, Tensor> e : uninterrupted.model.namedParameters().entrySet()) {
                Tensor other = resumed.model.namedParameters().get(e.getKey());
                assertThat(other.toDoubleArray()).as("%s at step %d", e.getKey(), step)
                        .containsExactly(e.getValue().toDoubleArray());
            }
        }
    }

    @Test
    void everyOptimizerIsCovered() {
        assertThat(OptimGoldens.cases()).extracting(OptimCase::optimizer)
                .contains("SGD", "Adam", "AdamW", "RMSprop", "Adagrad");
    }

    private static void compare(GoldenRun run, int step, double norm) {
        Tolerance tol = run.dtype == DType.F64 ? F64 : F32;
        String where = run.goldenCase.name() + " " + run.dtype + " after step " + step + ": ";
        run.model.namedParameters().forEach((name, p) ->
                Closeness.assertClose(where + name, OptimGoldens.afterStep(run.prefix() + name, step), p, tol));
        if (!Double.isNaN(norm)) {
            FixtureReader.Stored expected = OptimGoldens.stored(run.prefix() + "total_norm");
            Closeness.assertClose(where + "total norm", new FixtureReader.Stored(new int[0],
                    new double[] {expected.data()[step - 1]}), Tensor.scalar(norm, DType.F64, Backends.defaultDevice()),
                    tol);
        }
    }
}
