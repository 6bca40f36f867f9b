package dev.nabla.train;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsDType;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.io.SafetensorsFile;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer's own part of a checkpoint, {@value #FILE}: where the fit stands (epochs done and
 * batches done in the next), the global generator's state, the history, the running sums of the
 * epoch in progress and the callbacks' state dicts. Layout: metadata {@code format},
 * {@code epoch}, {@code batch} and {@code rng} (four decimal longs, exact); F64 tensors
 * {@code history.<name>} {@code [epochs]} and {@code running.<name>}; the callbacks' tensors
 * under {@code callbacks.}, each in its own dtype.
 *
 * @param epoch     epochs completed
 * @param batch     batches completed of epoch {@code epoch}
 * @param rng       {@link Rng#global()}'s state
 * @param history   the history's values by name
 * @param running   the running sums of the loss and of each metric by name
 * @param callbacks the callbacks' state dicts, each key under its callback's prefix
 */
record TrainerState(int epoch, int batch, long[] rng, Map<String, double[]> history, Map<String, double[]> running,
        Map<String, Tensor> callbacks) {
    static final String FILE = "trainer.safetensors";
    private static final String FORMAT = "nabla-trainer/1";
    private static final String HISTORY = "history.";
    private static final String RUNNING = "running.";
    private static final String CALLBACKS = "callbacks.";

    void write(Path file) throws IOException {
        Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
        history.forEach((k, v) -> entries.put(HISTORY + k, SafetensorsEntry.of(Shape.of(v.length), v)));
        running.forEach((k, v) -> entries.put(RUNNING + k, SafetensorsEntry.of(Shape.of(v.length), v)));
        callbacks.forEach((k, t) -> entries.put(CALLBACKS + k, t.dtype() == DType.F64
                ? SafetensorsEntry.of(t.shape(), t.toDoubleArray())
                : SafetensorsEntry.of(t.shape(), t.toFloatArray())));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("epoch", Integer.toString(epoch));
        metadata.put("batch", Integer.toString(batch));
        metadata.put("rng", String.join(",", Arrays.stream(rng).mapToObj(Long::toString).toList()));
        Safetensors.write(file, entries, metadata);
    }

    /**
     * @throws CheckpointFormatException if the file is not a trainer state of this format
     * @throws IOException if it cannot be read or is not valid safetensors
     */
    static TrainerState read(Path file) throws IOException {
        SafetensorsFile contents = Safetensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new CheckpointFormatException(file, "metadata format is " + meta.get("format") + ", expected "
                    + FORMAT + "; is this the trainer state of a checkpoint written by Trainer.saveCheckpoint?");
        }
        int epoch = integer(file, meta, "epoch");
        int batch = integer(file, meta, "batch");
        long[] rng = rngState(file, meta.get("rng"));
        Map<String, double[]> history = new LinkedHashMap<>();
        Map<String, double[]> running = new LinkedHashMap<>();
        Map<String, Tensor> callbacks = new LinkedHashMap<>();
        for (Map.Entry<String, SafetensorsEntry> e : contents.tensors().entrySet()) {
            String key = e.getKey();
            SafetensorsEntry value = e.getValue();
            if (key.startsWith(HISTORY)) {
                history.put(key.substring(HISTORY.length()), value.toDoubleArray());
            } else if (key.startsWith(RUNNING)) {
                running.put(key.substring(RUNNING.length()), value.toDoubleArray());
            } else if (key.startsWith(CALLBACKS)) {
                callbacks.put(key.substring(CALLBACKS.length()), tensor(value));
            } else {
                throw new CheckpointFormatException(file, "unexpected tensor '" + key + "'");
            }
        }
        for (Map.Entry<String, double[]> h : history.entrySet()) {
            if (h.getValue().length != epoch) {
                throw new CheckpointFormatException(file, "history '" + h.getKey() + "' holds " + h.getValue().length
                        + " epochs, the checkpoint is at epoch " + epoch);
            }
        }
        return new TrainerState(epoch, batch, rng, history, running, callbacks);
    }

    private static Tensor tensor(SafetensorsEntry e) {
        return e.dtype() == SafetensorsDType.F32
                ? Tensor.fromArray(e.toFloatArray(), e.shape(), Backends.defaultDevice())
                : Tensor.fromArray(e.toDoubleArray(), e.shape(), DType.F64, Device.REFERENCE);
    }

    private static int integer(Path file, Map<String, String> meta, String key) throws CheckpointFormatException {
        try {
            int v = Integer.parseInt(meta.getOrDefault(key, ""));
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CheckpointFormatException(file, "metadata " + key + " must be a whole number >= 0, got "
                + meta.get(key));
    }

    private static long[] rngState(Path file, String text) throws CheckpointFormatException {
        try {
            long[] state = Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
            Rng.fromState(state);
            return state;
        } catch (RuntimeException e) {
            throw new CheckpointFormatException(file, "metadata rng must be " + Rng.STATE_LENGTH
                    + " comma-separated longs of a valid generator state, got " + text);
        }
    }
}
