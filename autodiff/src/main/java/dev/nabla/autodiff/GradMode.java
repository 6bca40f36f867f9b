package dev.nabla.autodiff;

/**
 * Whether operations record the graph for backward, per thread. Scopes nest and restore the
 * previous mode when closed:
 *
 * <pre>{@code
 * try (GradMode.Scope s = GradMode.disable()) {
 *     w.copyFrom(w.sub(w.grad().mul(lr)));   // not recorded
 * }
 * }</pre>
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when ops on this thread record the graph (the default). */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Stops recording on this thread until the returned scope is closed. */
    public static Scope disable() {
        return set(false);
    }

    /** Records again on this thread (inside a disabled scope) until the returned scope is closed. */
    public static Scope enable() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        Scope scope = new Scope(cell, cell[0]);
        cell[0] = enabled;
        return scope;
    }

    /** Restores the mode that was in force when it was opened. */
    public static final class Scope implements AutoCloseable {
        private final boolean[] cell;
        private final boolean previous;
        private boolean closed;

        private Scope(boolean[] cell, boolean previous) {
            this.cell = cell;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cell[0] = previous;
            }
        }
    }
}
