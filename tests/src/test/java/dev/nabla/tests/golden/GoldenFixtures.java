package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The golden op fixtures written by {@code tests/golden/make_op_goldens.py}, loaded once. */
final class GoldenFixtures {
    static final String MANIFEST = "/golden/ops.json";
    static final String TENSORS = "/golden/ops.safetensors";

    private GoldenFixtures() {
    }

    /** Loaded on first use, so a broken fixture fails the tests that read it, with its reason. */
    private static final class Holder {
        static final List<GoldenCase> CASES = loadCases();
        static final Map<String, FixtureReader.Stored> DATA =
                FixtureReader.readSafetensors(TENSORS, FixtureReader.resource(TENSORS));
    }

    /** Every case, in manifest order. */
    static List<GoldenCase> cases() {
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

    /** The stored tensor {@code key} as a new {@code dtype} tensor on the default device. */
    static Tensor tensor(String key, DType dtype) {
        FixtureReader.Stored s = stored(key);
        return Tensor.fromArray(s.data(), Shape.of(s.shape()), dtype, Backends.defaultDevice());
    }

    @SuppressWarnings("unchecked")
    private static List<GoldenCase> loadCases() {
        String text = new String(FixtureReader.resource(MANIFEST), StandardCharsets.UTF_8);
        Map<String, Object> root = (Map<String, Object>) FixtureReader.parseJson(MANIFEST, text);
        return ((List<Object>) root.get("cases")).stream()
                .map(c -> GoldenCase.fromJson((Map<String, Object>) c))
                .toList();
    }
}
