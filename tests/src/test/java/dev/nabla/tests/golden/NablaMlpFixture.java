package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.random.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Nabla half of the state-dict round trip with PyTorch ({@code tests/golden/state_dict_roundtrip.py}):
 * the model {@code Sequential(Linear(4, 8), ReLU(), Linear(8, 3))}, F32 on the reference device,
 * saved by {@code Module.save} to {@value #STATE}, and an input {@code x [5, 4]} with the model's
 * output {@code y [5, 3]} in {@value #IO}. Regenerate the committed files with
 * <pre>
 * mvn -B -q -o -pl tests -am test-compile
 * java -cp tests/target/test-classes:nn/target/classes:autodiff/target/classes:tensor/target/classes \
 *     dev.nabla.tests.golden.NablaMlpFixture tests/src/test/resources/golden/state_dict
 * </pre>
 */
final class NablaMlpFixture {
    static final String STATE = "nabla_mlp.safetensors";
    static final String IO = "nabla_mlp_io.safetensors";

    private NablaMlpFixture() {
    }

    /** The model, drawn from {@code rng}: keys {@code 0.weight [8, 4]}, {@code 0.bias}, {@code 2.weight [3, 8]}, {@code 2.bias}. */
    static Sequential model(Rng rng) {
        return new Sequential(new Linear(4, 8, true, rng, DType.F32, Device.REFERENCE), Activation.relu(),
                new Linear(8, 3, true, rng, DType.F32, Device.REFERENCE));
    }

    /** Writes {@value #STATE} and {@value #IO} into {@code dir}. */
    static void write(Path dir) throws IOException {
        Sequential model = model(new Rng(2024));
        Tensor x = Tensor.randn(new Rng(7), Shape.of(5, 4), DType.F32, Device.REFERENCE);
        model.save(dir.resolve(STATE));
        Map<String, SafetensorsEntry> io = new LinkedHashMap<>();
        io.put("x", SafetensorsEntry.of(x.shape(), x.toFloatArray()));
        Tensor y = model.call(x);
        io.put("y", SafetensorsEntry.of(y.shape(), y.toFloatArray()));
        Safetensors.write(dir.resolve(IO), io, Map.of());
    }

    /** Writes the fixture into the directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }
}
