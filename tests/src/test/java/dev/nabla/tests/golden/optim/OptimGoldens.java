package dev.nabla.tests.golden.optim;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tests.golden.FixtureReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The fixtures written by {@code tests/golden/make_optim_goldens.py}, loaded once. */
final class OptimGoldens {
    static final String MANIFEST = "/golden/optim/trajectories.json";
    static final String TENSORS = "/golden/optim/trajectories.safetensors";
    static final int STEPS = 50;

    private OptimGoldens() {
    }

    /** Loaded on first use, so a broken fixture fails the tests that read it, with its reason. */
    private static final class Holder {
        static final List<OptimCase> CASES =
                FixtureReader.manifestCases(MANIFEST).stream().map(OptimCase::fromJson).toList();
        static final Map<String, FixtureReader.Stored> DATA =
                FixtureReader.readSafetensors(TENSORS, FixtureReader.resource(TENSORS));
    }

    static List<OptimCase> cases() {
        return Holder.CASES;
    }

    /** The stored tensor {@code key}. */
    static FixtureReader.Stored stored(String key) {
        return FixtureReader.require(Holder.DATA, key, TENSORS);
    }

    /** Row {@code step - 1} of the stored trajectory {@code key} ({@code [50, ...]}): the value after that step. */
    static FixtureReader.Stored afterStep(String key, int step) {
        FixtureReader.Stored all = stored(key);
        int[] shape = Arrays.copyOfRange(all.shape(), 1, all.shape().length);
        int n = all.data().length / all.shape()[0];
        return new FixtureReader.Stored(shape, Arrays.copyOfRange(all.data(), (step - 1) * n, step * n));
    }

    /** The stored tensor {@code key} as a new {@code dtype} tensor on the default device. */
    static Tensor tensor(String key, DType dtype) {
        return FixtureReader.tensor(stored(key), dtype);
    }
}
