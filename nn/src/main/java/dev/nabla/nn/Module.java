package dev.nabla.nn;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A piece of a model: parameters (tensors trained by an optimizer), buffers (state saved with the
 * model but not trained, such as running statistics) and child modules, each registered
 * explicitly, in order, under a name. Paths join names with dots, as PyTorch's state dicts do:
 * {@code features.0.weight}.
 *
 * <p>Subclasses register what they own in their constructor and implement {@link #forward};
 * callers use {@link #call}, which adds the path of the failing module to shape errors and
 * reports each call to a {@link Summary} being taken.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Set<String> integerBuffers = new HashSet<>();
    private String name;
    private boolean training = true;

    /** The module's computation. Called through {@link #call}. */
    protected abstract Tensor forward(Tensor input);

    /**
     * Runs {@link #forward}. An {@link IllegalArgumentException} raised inside (a shape, dtype or
     * device error) comes out as a {@link ModuleException} naming the module's path and type.
     */
    public final Tensor call(Tensor input) {
        return call(input, this::forward);
    }

    /**
     * Runs {@code computation} on {@code input} as {@link #call} runs {@link #forward}: errors name
     * this module and a {@link Summary} sees the call. For a module's other forms of its forward,
     * such as {@link Linear}'s fused with the ReLU after it.
     */
    final Tensor call(Tensor input, UnaryOperator<Tensor> computation) {
        CallRecorder.Call recorded = CallRecorder.enter(this);
        try {
            return CallRecorder.exit(recorded, computation.apply(input));
        } catch (ModuleException e) {
            throw name == null ? e : e.under(name);
        } catch (IllegalArgumentException e) {
            String here = name == null ? typeName() : name + " (" + typeName() + ")";
            throw new ModuleException(here, e.getMessage(), e);
        }
    }

    // ---- registration ----

    /** Registers {@code value} as a trainable parameter (it is made to require grad); returns it. */
    protected final Tensor registerParameter(String key, Tensor value) {
        checkName(key);
        parameters.put(key, value.requiresGrad(true));
        return value;
    }

    /** Registers {@code value} as a buffer: saved in the state dict, never trained; returns it. */
    protected final Tensor registerBuffer(String key, Tensor value) {
        checkName(key);
        buffers.put(key, value);
        return value;
    }

    /**
     * Registers {@code value} as a buffer that holds whole numbers, such as batch norm's
     * {@code num_batches_tracked}: it computes in {@code value}'s float dtype like any buffer, and
     * {@link #save} stores it as I64, as PyTorch does; returns it.
     */
    protected final Tensor registerIntegerBuffer(String key, Tensor value) {
        registerBuffer(key, value);
        integerBuffers.add(key);
        return value;
    }

    /** Registers {@code child} under {@code key}; returns it. */
    protected final <M extends Module> M registerModule(String key, M child) {
        checkName(key);
        ((Module) child).name = key;
        children.put(key, child);
        return child;
    }

    private void checkName(String key) {
        if (key == null || key.isEmpty() || key.contains(".")) {
            throw new IllegalArgumentException(typeName() + ": invalid name '" + key
                    + "'; names must be non-empty and contain no '.'");
        }
        if (parameters.containsKey(key) || buffers.containsKey(key) || children.containsKey(key)) {
            throw new IllegalArgumentException(typeName() + ": the name '" + key + "' is already registered");
        }
    }

    // ---- traversal ----

    /** Every parameter of this module and its descendants, in registration order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Every parameter by dotted path ({@code "0.weight"}), own first, then children's in order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, false);
        return out;
    }

    /** Every buffer by dotted path. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false, true);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean params, boolean bufs) {
        if (params) {
            parameters.forEach((k, v) -> out.put(prefix + k, v));
        }
        if (bufs) {
            buffers.forEach((k, v) -> out.put(prefix + k, v));
        }
        children.forEach((k, c) -> c.collect(prefix + k + ".", out, params, bufs));
    }

    /**
     * This module (under the path {@code ""}) and every descendant by dotted path, parents before
     * their children; a module registered in several places appears once, under its first path.
     */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", Collections.newSetFromMap(new IdentityHashMap<>()), out);
        return out;
    }

    private void collectModules(String path, Set<Module> seen, Map<String, Module> out) {
        if (seen.add(this)) {
            out.put(path, this);
            children.forEach((k, c) -> c.collectModules(path.isEmpty() ? k : path + "." + k, seen, out));
        }
    }

    /** The dotted paths of the buffers registered by {@link #registerIntegerBuffer}. */
    final Set<String> integerBufferPaths() {
        Set<String> out = new HashSet<>();
        collectIntegerBuffers("", out);
        return out;
    }

    private void collectIntegerBuffers(String prefix, Set<String> out) {
        integerBuffers.forEach(k -> out.add(prefix + k));
        children.forEach((k, c) -> c.collectIntegerBuffers(prefix + k + ".", out));
    }

    /** The direct children by name, in registration order. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** The direct children, in registration order. */
    public final List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /** Calls {@code fn} on every descendant, children before their parent, then on this module. */
    public final Module apply(Consumer<Module> fn) {
        children.values().forEach(c -> c.apply(fn));
        fn.accept(this);
        return this;
    }

    /** Number of trainable elements. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) {
            n += p.numel();
        }
        return n;
    }

    /** Number of elements of the parameters registered on this module itself, not on its children. */
    final long ownParameterCount() {
        long n = 0;
        for (Tensor p : parameters.values()) {
            n += p.numel();
        }
        return n;
    }

    // ---- modes and gradients ----

    /** Training mode for this module and its descendants (dropout active, batch statistics used). */
    public final Module train() {
        return apply(m -> m.training = true);
    }

    /** Evaluation mode for this module and its descendants. */
    public final Module eval() {
        return apply(m -> m.training = false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Sets this module's own mode, not its children's (for restoring a mode recorded per module). */
    final void setTrainingFlag(boolean value) {
        training = value;
    }

    /** Clears the gradient of every parameter. */
    public final void zeroGrad() {
        parameters().forEach(Tensor::zeroGrad);
    }

    // ---- state ----

    /**
     * Parameters and buffers by dotted path, as detached tensors sharing this module's storage
     * (PyTorch's key names: a Nabla state dict and a {@code torch.nn} one line up).
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, true);
        out.replaceAll((k, v) -> v.detach());
        return out;
    }

    /**
     * Copies {@code state} into this module's parameters and buffers (converting dtype and device).
     * Everything is checked before anything is written, so a failed load leaves the module as it
     * was.
     *
     * @param strict when true, a key this module lacks or a key missing from {@code state} is an error
     * @return the missing and unexpected keys (empty when strict)
     * @throws IllegalArgumentException listing every shape mismatch, and with {@code strict} every
     *                                  missing and unexpected key
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        return loadStateDict(state, strict, "loadStateDict");
    }

    /** {@link #loadStateDict(Map, boolean)} with errors starting {@code "<op> into <type>: "}. */
    final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict, String op) {
        Map<String, Tensor> own = new LinkedHashMap<>();
        collect("", own, true, true);
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given == null) {
                missing.add(e.getKey());
            } else if (!given.shape().equals(e.getValue().shape())) {
                mismatched.add(e.getKey() + ": expected " + e.getValue().shape() + ", got " + given.shape());
            }
        }
        List<String> unexpected = new ArrayList<>(new TreeSet<>(state.keySet()));
        unexpected.removeAll(own.keySet());
        if (!mismatched.isEmpty() || strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            throw new IllegalArgumentException(op + " into " + typeName() + ": nothing was loaded;"
                    + (mismatched.isEmpty() ? "" : " shape mismatches " + mismatched + ";")
                    + (missing.isEmpty() ? "" : " missing keys " + missing + ";")
                    + (unexpected.isEmpty() ? "" : " unexpected keys " + unexpected + ";")
                    + " is it a state dict of another architecture?");
        }
        try (GradMode.Scope s = GradMode.disable()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor given = state.get(e.getKey());
                if (given != null) {
                    Tensor target = e.getValue();
                    target.copyFrom(given.to(target.device()).to(target.dtype()));
                }
            }
        }
        return new LoadResult(missing, unexpected);
    }

    /**
     * Writes {@link #stateDict()} to {@code path} as a safetensors file with PyTorch's key names,
     * each tensor in its own dtype (F32 or F64) and buffers registered by
     * {@link #registerIntegerBuffer} as I64. The write is atomic: on any failure an existing file
     * at {@code path} is left as it was.
     *
     * @throws IllegalArgumentException if an integer buffer holds a value that is not a whole number
     * @throws IOException if the file cannot be written
     */
    public final void save(Path path) throws IOException {
        StateDictFile.write(this, path);
    }

    /** {@link #load(Path, boolean)} with {@code strict} true: the file must have exactly this module's keys. */
    public final LoadResult load(Path path) throws IOException {
        return load(path, true);
    }

    /**
     * Reads a safetensors state dict (written by {@link #save} or by PyTorch) into this module's
     * parameters and buffers, converting each tensor to the dtype and device of the one it
     * replaces. On any failure nothing is written: the module stays as it was.
     *
     * @param strict when true, a key this module lacks or a key missing from the file is an error
     * @return the missing and unexpected keys (empty when strict)
     * @throws dev.nabla.tensor.io.SafetensorsFormatException if the file is truncated or corrupt,
     *     naming the file and the byte offset
     * @throws IllegalArgumentException naming the file and listing every shape mismatch, and with
     *     {@code strict} every missing and unexpected key
     * @throws IOException if the file cannot be read
     */
    public final LoadResult load(Path path, boolean strict) throws IOException {
        return StateDictFile.read(this, path, strict);
    }

    /**
     * What {@link #loadStateDict} could not match.
     *
     * @param missingKeys    keys of this module absent from the state dict
     * @param unexpectedKeys keys of the state dict this module does not have
     */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
        public LoadResult {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }
    }

    // ---- printing ----

    /**
     * The settings shown in {@link #toString()}, as PyTorch's {@code extra_repr}, e.g.
     * {@code in_features=784, out_features=256, bias=True} (see {@link Repr}).
     */
    protected String extraRepr() {
        return "";
    }

    /** The module's type in messages and printouts. */
    protected String typeName() {
        return getClass().getSimpleName();
    }

    /** The module tree, one child per line, as PyTorch prints it. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return typeName() + "(" + extraRepr() + ")";
        }
        StringBuilder sb = new StringBuilder(typeName()).append("(\n");
        if (!extraRepr().isEmpty()) {
            sb.append("  ").append(extraRepr()).append('\n');
        }
        children.forEach((k, c) -> sb.append("  (").append(k).append("): ")
                .append(c.toString().replace("\n", "\n  ")).append('\n'));
        return sb.append(')').toString();
    }
}
