package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's state dict as a safetensors file: every tensor in its own dtype (F32 state of
 * F32 parameters, F64 bookkeeping), so a saved and loaded optimizer continues bit-exactly.
 */
final class OptimizerFile {
    private OptimizerFile() {
    }

    /** See {@link Optimizer#save}. */
    static void write(Optimizer<?> optimizer, Path path) throws IOException {
        Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
        optimizer.stateDict().forEach((key, t) -> entries.put(key, t.dtype() == DType.F64
                ? SafetensorsEntry.of(t.shape(), t.toDoubleArray())
                : SafetensorsEntry.of(t.shape(), t.toFloatArray())));
        Safetensors.write(path, entries, Map.of("optimizer", optimizer.name()));
    }

    /** See {@link Optimizer#load}. */
    static void read(Optimizer<?> optimizer, Path path) throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        // F64 holds every F32 value exactly; loadStateDict converts to each parameter's dtype.
        Safetensors.read(path).tensors().forEach((key, e) ->
                state.put(key, Tensor.fromArray(e.toDoubleArray(), e.shape(), DType.F64, Device.REFERENCE)));
        try {
            optimizer.loadStateDict(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("load " + path + ": " + e.getMessage(), e);
        }
    }
}
