package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
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
        return FixtureReader.require(Holder.DATA, key, TENSORS);
    }

    /** The stored tensor {@code key} as a new {@code dtype} tensor on the default device. */
    static Tensor tensor(String key, DType dtype) {
        return FixtureReader.tensor(stored(key), dtype);
    }

    private static List<GoldenCase> loadCases() {
        return FixtureReader.manifestCases(MANIFEST).stream().map(GoldenCase::fromJson).toList();
    }
}
