package dev.nabla.nn;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model's layers as Keras's {@code model.summary()} and torchinfo show them: one row per module
 * call of one forward pass, in the order the calls start (a container before the modules it
 * calls; a module called twice appears twice), with the module's path, type, output shape and the
 * number of elements of its own parameters (not its children's); then the model's totals.
 *
 * <p>How the forward pass runs: with gradients off and the whole model in eval mode (as torchinfo
 * does), so dropout is off and batch norm uses its running statistics without updating them.
 * Afterwards each module gets back its own train/eval mode, and every buffer gets back the values
 * it had, so even a module that writes a buffer in eval mode is left as it was. Parameters are
 * never written.
 *
 * @param modelType           the type of the summarized module
 * @param rows                one per module call, in the order the calls started
 * @param totalParameters     elements of all distinct parameters of the model
 * @param trainableParameters elements of those parameters that require grad
 * @param parameterBytes      storage of all distinct parameters, in bytes
 * @param bufferBytes         storage of all distinct buffers, in bytes
 */
public record Summary(String modelType, List<Row> rows, long totalParameters, long trainableParameters,
                      long parameterBytes, long bufferBytes) {
    private static final String SEPARATOR = "    ";

    /**
     * One module call.
     *
     * @param path        the module's dotted path in the model ({@code ""} for the model itself,
     *                    {@code <Type>} for a module called but not registered in the model)
     * @param type        the module's type, e.g. {@code Linear}
     * @param outputShape the shape {@code forward} returned
     * @param parameters  elements of the module's own parameters, children's excluded
     * @param repeated    whether the module was called before in the same pass (its parameters are
     *                    then already counted, and the table shows {@code (repeated)})
     */
    public record Row(String path, String type, Shape outputShape, long parameters, boolean repeated) {
    }

    /** Keeps an unmodifiable copy of {@code rows}. */
    public Summary {
        rows = List.copyOf(rows);
    }

    /**
     * Summarizes {@code model} by running it on zeros of {@code inputShape}, in the dtype and on the
     * device of the model's first parameter (or buffer; F32 on the default device if it has none).
     *
     * @param inputShape the complete input shape, batch axis included, e.g. {@code [1, 784]}
     * @throws IllegalArgumentException (a {@link ModuleException}) if the model rejects the input
     */
    public static Summary of(Module model, Shape inputShape) {
        Tensor like = first(model.parameters(), first(model.namedBuffers().values(), null));
        Tensor input = like == null ? Tensor.zeros(inputShape, DType.F32, Backends.defaultDevice())
                : Tensor.zeros(inputShape, like.dtype(), like.device());
        return of(model, input);
    }

    /**
     * Summarizes {@code model} by running it on {@code input} (not modified).
     *
     * @throws IllegalArgumentException (a {@link ModuleException}) if the model rejects the input
     * @throws IllegalStateException if called inside a forward pass that is being summarized
     */
    public static Summary of(Module model, Tensor input) {
        List<Row> rows = new ArrayList<>();
        for (CallRecorder.Call c : recordEval(model, input)) {
            rows.add(new Row(c.path, c.module.typeName(), c.outputShape, c.module.ownParameterCount(), c.repeated));
        }
        Set<Tensor> parameters = distinct(model.parameters());
        long total = 0;
        long trainable = 0;
        for (Tensor p : parameters) {
            total += p.numel();
            trainable += p.requiresGrad() ? p.numel() : 0;
        }
        return new Summary(model.typeName(), rows, total, trainable, bytes(parameters),
                bytes(distinct(model.namedBuffers().values())));
    }

    private static List<CallRecorder.Call> recordEval(Module model, Tensor input) {
        Map<String, Module> modules = model.namedModules();
        List<Boolean> modes = modules.values().stream().map(Module::isTraining).toList();
        Map<String, Tensor> buffers = model.namedBuffers();
        try (GradMode.Scope s = GradMode.disable()) {
            List<Tensor> saved = buffers.values().stream().map(Tensor::copy).toList();
            model.eval();
            try {
                return new CallRecorder(model).record(() -> model.call(input));
            } finally {
                int i = 0;
                for (Tensor b : buffers.values()) {
                    b.copyFrom(saved.get(i++));
                }
                i = 0;
                for (Module m : modules.values()) {
                    m.setTrainingFlag(modes.get(i++));
                }
            }
        }
    }

    private static Tensor first(Collection<Tensor> tensors, Tensor otherwise) {
        return tensors.isEmpty() ? otherwise : tensors.iterator().next();
    }

    /** The tensors without repeats, so a tensor registered twice is counted once. */
    private static Set<Tensor> distinct(Collection<Tensor> tensors) {
        Set<Tensor> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(tensors);
        return out;
    }

    private static long bytes(Set<Tensor> tensors) {
        long n = 0;
        for (Tensor t : tensors) {
            n += (long) t.numel() * t.dtype().byteSize();
        }
        return n;
    }

    /** Elements of parameters that do not require grad. */
    public long nonTrainableParameters() {
        return totalParameters - trainableParameters;
    }

    /**
     * The table: a row per call, then the totals. For {@code Sequential(Linear(4, 8), ReLU())} on
     * {@code [2, 4]}:
     * <pre>
     * Model: Sequential
     * _______________________________________
     * Layer (type)    Output Shape    Param #
     * =======================================
     * Sequential      [2, 8]                0
     * 0 (Linear)      [2, 8]               40
     * 1 (ReLU)        [2, 8]                0
     * =======================================
     * Total params: 40
     * Trainable params: 40
     * Non-trainable params: 0
     * Parameter size: 160 bytes
     * Buffer size: 0 bytes
     * _______________________________________
     * </pre>
     */
    @Override
    public String toString() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Layer (type)", "Output Shape", "Param #"});
        for (Row r : rows) {
            cells.add(new String[] {r.path.isEmpty() ? r.type : r.path + " (" + r.type + ")",
                    String.valueOf(r.outputShape), r.repeated ? "(repeated)" : count(r.parameters)});
        }
        int[] widths = new int[3];
        for (String[] row : cells) {
            for (int c = 0; c < 3; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int width = widths[0] + widths[1] + widths[2] + 2 * SEPARATOR.length();
        StringBuilder sb = new StringBuilder("Model: ").append(modelType).append('\n');
        sb.append("_".repeat(width)).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            sb.append(pad(row[0], widths[0])).append(SEPARATOR).append(pad(row[1], widths[1])).append(SEPARATOR)
                    .append(" ".repeat(widths[2] - row[2].length())).append(row[2]).append('\n');
            if (i == 0) {
                sb.append("=".repeat(width)).append('\n');
            }
        }
        return sb.append("=".repeat(width)).append('\n')
                .append("Total params: ").append(count(totalParameters)).append('\n')
                .append("Trainable params: ").append(count(trainableParameters)).append('\n')
                .append("Non-trainable params: ").append(count(nonTrainableParameters())).append('\n')
                .append("Parameter size: ").append(size(parameterBytes)).append('\n')
                .append("Buffer size: ").append(size(bufferBytes)).append('\n')
                .append("_".repeat(width)).toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 268 bytes}, or with a binary unit when it helps: {@code 1,061,928 bytes (1.01 MiB)}. */
    private static String size(long bytes) {
        String exact = count(bytes) + " bytes";
        if (bytes < 1024) {
            return exact;
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return exact + String.format(Locale.ROOT, " (%.2f %s)", v, units[u]);
    }
}
