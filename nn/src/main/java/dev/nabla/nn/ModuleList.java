package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import java.util.Iterator;

/**
 * Modules held in a list and registered as {@code "0"}, {@code "1"}, ..., so that their
 * parameters and state are found, as PyTorch's {@code ModuleList}. It has no computation of its
 * own: the owner decides how to call its modules.
 *
 * <pre>{@code
 * for (Module block : blocks) {
 *     x = block.call(x);
 * }
 * }</pre>
 */
public final class ModuleList extends Module implements Iterable<Module> {
    /** A list holding {@code modules}, in order. */
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends {@code module} under the next index; returns this list. */
    public ModuleList add(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /**
     * The module at {@code index}.
     *
     * @throws IndexOutOfBoundsException if index is outside [0, size())
     */
    public Module get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("ModuleList: index " + index + " out of range for " + size()
                    + " modules");
        }
        return namedChildren().get(Integer.toString(index));
    }

    /** The number of modules held. */
    public int size() {
        return namedChildren().size();
    }

    /** The modules in index order. */
    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** @throws IllegalStateException always: a ModuleList only holds modules */
    @Override
    protected Tensor forward(Tensor input) {
        throw new IllegalStateException("ModuleList has no forward of its own: call its modules, e.g."
                + " for (Module m : list) x = m.call(x), or put them in a Sequential");
    }
}
