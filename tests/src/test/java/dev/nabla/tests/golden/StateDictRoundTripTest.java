package dev.nabla.tests.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Module;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tests.golden.FixtureReader.Stored;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State dicts between Nabla and PyTorch: a torch state dict loads into the same Nabla model and
 * gives torch's outputs, and the Nabla-written file that {@code tests/golden/state_dict_roundtrip.py}
 * loads into torch is what Nabla writes today.
 */
class StateDictRoundTripTest {
    private static final String DIR = "/golden/state_dict/";

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(StateDictRoundTripTest.class.getResource(DIR + name).toURI());
    }

    private static Tensor tensor(Stored s) {
        return Tensor.fromArray(s.data(), Shape.of(s.shape()), DType.F32, Device.REFERENCE);
    }

    @Test
    void aTorchStateDictGivesTorchOutputs() throws Exception {
        Module model = NablaMlpFixture.model(new Rng(1));
        Module.LoadResult r = model.load(fixture("torch_mlp.safetensors"));
        assertThat(r.missingKeys()).isEmpty();
        assertThat(r.unexpectedKeys()).isEmpty();
        Map<String, Stored> io = FixtureReader.readSafetensors("torch_mlp_io.safetensors",
                FixtureReader.resource(DIR + "torch_mlp_io.safetensors"));
        Closeness.assertClose("torch Sequential(Linear(4, 8), ReLU(), Linear(8, 3)) in Nabla", io.get("y"),
                model.call(tensor(io.get("x"))), Tolerances.F32_FORWARD);
    }

    @Test
    void theNablaFileTorchLoadsIsWhatNablaWritesToday(@TempDir Path dir) throws Exception {
        NablaMlpFixture.write(dir);
        for (String name : new String[] {NablaMlpFixture.STATE, NablaMlpFixture.IO}) {
            assertThat(Files.readAllBytes(dir.resolve(name)))
                    .as("%s differs from the committed fixture: if the change is intended, regenerate it as"
                            + " NablaMlpFixture's Javadoc says, then run tests/golden/state_dict_roundtrip.py", name)
                    .isEqualTo(Files.readAllBytes(fixture(name)));
        }
    }

    @Test
    void theNablaFileReloadsIntoNablaWithTheStoredOutputs() throws IOException, URISyntaxException {
        Module model = NablaMlpFixture.model(new Rng(1));
        model.load(fixture(NablaMlpFixture.STATE));
        Map<String, Stored> io = FixtureReader.readSafetensors(NablaMlpFixture.IO,
                FixtureReader.resource(DIR + NablaMlpFixture.IO));
        Closeness.assertClose("Nabla MLP reloaded", io.get("y"), model.call(tensor(io.get("x"))),
                Tolerances.F32_FORWARD);
    }
}
