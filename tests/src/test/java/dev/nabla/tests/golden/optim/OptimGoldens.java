package dev.nabla.tests.golden.optim;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.FixtureReader;
import java.nio.charset.StandardCharsets;
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
        static final List<OptimCase> CASES = loadCases();
        static final Map<String, FixtureReader.Stored> DATA =
                FixtureReader.readSafetensors(TENSORS, FixtureReader.resource(TENSORS));
    }

    static List<OptimCase> cases() {
        return Holder.CASES;
    }

    /** The stored tensor {@code key}. */
    static FixtureReader.Stored stored(String key) {
        FixtureReader.Stored s = Holder.DATA.get(key);
        if (s == null) {
            throw new IllegalStateException(TENSORS + ": no tensor '" + key + "'; regenerate the fixtures");
        }
        return s;
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
        FixtureReader.Stored s = stored(key);
        return Tensor.fromArray(s.data(), Shape.of(s.shape()), dtype, Backends.defaultDevice());
    }

    @SuppressWarnings("unchecked")
    private static List<OptimCase> loadCases() {
        String text = new String(FixtureReader.resource(MANIFEST), StandardCharsets.UTF_8);
        Map<String, Object> root = (Map<String, Object>) FixtureReader.parseJson(MANIFEST, text);
        return ((List<Object>) root.get("cases")).stream()
                .map(c -> OptimCase.fromJson((Map<String, Object>) c))
                .toList();
    }
}
