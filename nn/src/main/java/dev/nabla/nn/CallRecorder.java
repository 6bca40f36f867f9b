package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every {@link Module#call} made on one thread while it {@linkplain #record runs}, in the
 * order the calls start (a parent before the children it calls). {@link Summary} uses it; when
 * nothing records, {@link Module#call} pays one thread-local read.
 */
final class CallRecorder {
    private static final ThreadLocal<CallRecorder> ACTIVE = new ThreadLocal<>();

    private final Map<Module, String> paths = new IdentityHashMap<>();
    private final Set<Module> called = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Call> calls = new ArrayList<>();

    /** One call of a module. */
    static final class Call {
        final Module module;
        /** Dotted path under the root ({@code ""} for the root); {@code <Type>} outside its tree. */
        final String path;
        /** Whether the module was called earlier in the same recording. */
        final boolean repeated;
        /** Set when the call returns. */
        Shape outputShape;

        private Call(Module module, String path, boolean repeated) {
            this.module = module;
            this.path = path;
            this.repeated = repeated;
        }
    }

    /** A recorder naming modules by their paths under {@code root}. */
    CallRecorder(Module root) {
        root.namedModules().forEach((path, m) -> paths.put(m, path));
    }

    /**
     * Runs {@code body} with this recorder active on the current thread.
     *
     * @return the calls made, in the order they started; a call that failed has no output shape
     * @throws IllegalStateException if a recorder is already active on this thread
     */
    List<Call> record(Runnable body) {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("summary: a summary is already being taken on this thread;"
                    + " summaries cannot nest (is Summary.of called inside a forward?)");
        }
        ACTIVE.set(this);
        try {
            body.run();
        } finally {
            ACTIVE.remove();
        }
        return calls;
    }

    /** Whether a recorder is active on this thread. */
    static boolean recording() {
        return ACTIVE.get() != null;
    }

    /** Notes the start of a call of {@code module}; null when nothing records on this thread. */
    static Call enter(Module module) {
        CallRecorder recorder = ACTIVE.get();
        if (recorder == null) {
            return null;
        }
        String path = recorder.paths.getOrDefault(module, "<" + module.typeName() + ">");
        Call call = new Call(module, path, !recorder.called.add(module));
        recorder.calls.add(call);
        return call;
    }

    /** Notes the output of {@code call} (ignored when null); returns {@code output}. */
    static Tensor exit(Call call, Tensor output) {
        if (call != null) {
            call.outputShape = output.shape();
        }
        return output;
    }
}
