package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A module's state dict as a safetensors file, the format PyTorch reads with
 * {@code safetensors.torch.load_file}: PyTorch's key names, F32 and F64 tensors in their own dtype,
 * and integer buffers ({@link Module#registerIntegerBuffer}) as I64, as PyTorch stores
 * {@code num_batches_tracked}.
 */
final class StateDictFile {
    /** Marks the tensors as laid out as PyTorch lays them out, as the Hugging Face tools expect. */
    private static final Map<String, String> METADATA = Map.of("format", "pt");

    private StateDictFile() {
    }

    /** See {@link Module#save}. */
    static void write(Module module, Path path) throws IOException {
        Set<String> integers = module.integerBufferPaths();
        Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
        module.stateDict().forEach((key, t) -> entries.put(key, integers.contains(key) ? longs(key, t) : floats(t)));
        Safetensors.write(path, entries, METADATA);
    }

    /** See {@link Module#load(Path, boolean)}. */
    static Module.LoadResult read(Module module, Path path, boolean strict) throws IOException {
        SafetensorsFile file = Safetensors.read(path);
        Map<String, Tensor> state = new LinkedHashMap<>();
        // F64 holds every F32, F16, BF16 and I32 value exactly; loadStateDict then converts once.
        file.tensors().forEach((key, e) ->
                state.put(key, Tensor.fromArray(e.toDoubleArray(), e.shape(), DType.F64, Device.REFERENCE)));
        return module.loadStateDict(state, strict, "load " + path);
    }

    private static SafetensorsEntry floats(Tensor t) {
        return t.dtype() == DType.F64 ? SafetensorsEntry.of(t.shape(), t.toDoubleArray())
                : SafetensorsEntry.of(t.shape(), t.toFloatArray());
    }

    private static SafetensorsEntry longs(String key, Tensor t) {
        double[] values = t.toDoubleArray();
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] != Math.rint(values[i])) {
                throw new IllegalArgumentException("save: integer buffer '" + key + "' " + t.shape() + " holds "
                        + values[i] + " at element " + i + ", which is not a whole number; nothing was written");
            }
            longs[i] = (long) values[i];
        }
        return SafetensorsEntry.ofLongs(t.shape(), longs);
    }
}
