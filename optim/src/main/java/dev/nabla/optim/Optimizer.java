package dev.nabla.optim;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Updates parameters from their gradients. Parameters are held in {@link ParamGroup}s, each with
 * its own hyperparameters (the constructor's {@code defaults} for the first group); state per
 * parameter ({@link ParamState}) is created at its first update.
 *
 * <p>A subclass supplies two things: {@link #initialState}, the state tensors a parameter starts
 * with, and {@link #computeUpdate}, which delegates to the optimizer's static, pure update rule
 * (for example {@link Adam#update}). {@link #step()} does the rest: grad mode, state, the
 * {@link Proximal} step, the {@link StepListener}s. See {@code docs/optim.md} for a complete
 * optimizer in twenty lines.
 *
 * <pre>{@code
 * SGD opt = new SGD(model.parameters(), SGD.Options.lr(0.1).withMomentum(0.9));
 * for (...) {
 *     opt.zeroGrad();
 *     loss(model.call(x), y).backward();
 *     opt.step();
 * }
 * }</pre>
 *
 * @param <H> the optimizer's hyperparameter record
 */
public abstract class Optimizer<H extends Hyperparameters<H>> {
    private final String name;
    private final H defaults;
    private final List<ParamGroup<H>> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> states = new IdentityHashMap<>();
    private final List<StepListener> listeners = new ArrayList<>();

    /**
     * An optimizer with one param group holding {@code params} with {@code defaults}.
     *
     * @param name     the optimizer's name in messages and state dicts, e.g. {@code "Adam"}
     * @param params   the parameters to optimize: leaf tensors, each at most once
     * @param defaults the hyperparameters of the first group and of groups added without their own
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a
     *                                  non-leaf, or {@code defaults} is not a record of numbers and booleans
     */
    protected Optimizer(String name, List<Tensor> params, H defaults) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaults = Objects.requireNonNull(defaults, name + ": defaults");
        HyperparameterCodec.requireEncodable(name, defaults.getClass());
        addParamGroup(params, defaults);
    }

    // ---- what a subclass provides ----

    /**
     * The state a parameter starts with, before its first update, by PyTorch's names (Adam:
     * zeros named {@code exp_avg} and {@code exp_avg_sq}). State created by the first update
     * instead (SGD's {@code momentum_buffer}) is left out.
     *
     * @param param the parameter, any shape
     */
    protected abstract Map<String, Tensor> initialState(Tensor param, H options);

    /**
     * One parameter's update: calls the optimizer's static update rule. Must not modify its
     * arguments.
     *
     * @param param the parameter's current value (grad mode is off)
     * @param grad  its gradient, same shape
     * @param state its state; {@code state.step()} already counts this step (1 at the first)
     * @return the new value and the new state tensors
     */
    protected abstract Updated computeUpdate(Tensor param, Tensor grad, ParamState state, H options);

    /**
     * The update rule fused into one in-place pass, where the backend has a kernel for it: updates
     * {@code param} itself and returns its new state tensors, the same bits as
     * {@link #computeUpdate} followed by a copy into the parameter. {@link #step()} takes this path
     * when the group has no {@link Proximal} step and no listener is attached (both want the new
     * value before it is written). The default has no fused form and returns null.
     */
    protected Map<String, Tensor> fusedUpdate(Tensor param, Tensor grad, ParamState state, H options) {
        return null;
    }

    /**
     * The effective learning rate of each element of {@code param} after a step: the factor by
     * which the step multiplies the direction it follows (the gradient for SGD, the
     * bias-corrected first moment for Adam). This default is the group's learning rate
     * everywhere, which is right for SGD; adaptive optimizers override it.
     *
     * @return a tensor of {@code param}'s shape
     */
    protected Tensor effectiveLr(Tensor param, ParamState state, H options) {
        return param.zerosLike().add(options.lr());
    }

    // ---- groups and state ----

    /** The optimizer's name, as in messages and state dicts ({@code "SGD"}, {@code "Adam"}). */
    public final String name() {
        return name;
    }

    /** The hyperparameters given to the constructor. */
    public final H defaults() {
        return defaults;
    }

    /** The param groups, in order (unmodifiable; the groups themselves are mutable). */
    public final List<ParamGroup<H>> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * Adds a group of parameters with their own hyperparameters.
     *
     * @return the new group
     * @throws IllegalArgumentException if {@code params} is empty, holds a non-leaf tensor or a
     *                                  tensor already optimized by this optimizer
     */
    public final ParamGroup<H> addParamGroup(List<Tensor> params, H options) {
        Objects.requireNonNull(options, name + ": options");
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": empty parameter list; pass the tensors to optimize, e.g."
                    + " model.parameters()");
        }
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(parameters());
        int offset = seen.size();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = Objects.requireNonNull(params.get(i), name + ": parameter " + (offset + i) + " is null");
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(name + ": parameter " + (offset + i) + " " + p.shape()
                        + " is not a leaf tensor (it was made by " + p.creatorName() + "); optimize leaves such as"
                        + " model.parameters(), or t.detach().requiresGrad(true)");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(name + ": parameter " + (offset + i) + " " + p.shape()
                        + " appears more than once in this optimizer's param groups; pass each tensor once");
            }
        }
        ParamGroup<H> group = new ParamGroup<>(params, options);
        groups.add(group);
        return group;
    }

    /** Every parameter over all groups, in order: a parameter's index here is its index in state dicts. */
    public final List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.params()));
        return out;
    }

    /** The state of {@code param}, or null before its first update. */
    public final ParamState state(Tensor param) {
        return states.get(param);
    }

    /** Sets {@code proximal} on every group (null removes it); see {@link ParamGroup#setProximal}. */
    public final void setProximal(Proximal proximal) {
        groups.forEach(g -> g.setProximal(proximal));
    }

    /**
     * The effective learning rate of each element of {@code param} at its last step (see
     * {@link #effectiveLr(Tensor, ParamState, Hyperparameters)} for the definition).
     *
     * @return a tensor of {@code param}'s shape
     * @throws IllegalArgumentException if this optimizer does not hold {@code param}
     * @throws IllegalStateException    if {@code param} has not been updated yet
     */
    public final Tensor effectiveLr(Tensor param) {
        ParamGroup<H> group = groupOf(param);
        ParamState state = states.get(param);
        if (state == null) {
            throw new IllegalStateException(name + ".effectiveLr: parameter " + param.shape()
                    + " has no state yet; call it after a step() that updated the parameter");
        }
        try (GradMode.Scope s = GradMode.disable()) {
            return effectiveLr(param.detach(), state, group.options());
        }
    }

    private ParamGroup<H> groupOf(Tensor param) {
        for (ParamGroup<H> g : groups) {
            for (Tensor p : g.params()) {
                if (p == param) {
                    return g;
                }
            }
        }
        throw new IllegalArgumentException(name + ": tensor " + param.shape() + " is not one of this optimizer's"
                + " parameters");
    }

    // ---- listeners ----

    /** Adds {@code listener}, which sees every following step. */
    public final void addListener(StepListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes {@code listener}; returns whether it was there. */
    public final boolean removeListener(StepListener listener) {
        return listeners.remove(listener);
    }

    // ---- the training loop ----

    /** Clears the gradient of every parameter (to null, as PyTorch's {@code zero_grad(set_to_none=True)}). */
    public final void zeroGrad() {
        groups.forEach(g -> g.params().forEach(Tensor::zeroGrad));
    }

    /**
     * Updates every parameter that has a gradient (others are skipped and keep their state), with
     * grad mode off: counts the step in the parameter's state, applies the update rule, then the
     * group's {@link Proximal} step, writes the parameter in place and tells the listeners.
     *
     * @throws IllegalStateException if an update rule returns a value of the wrong shape or dtype
     */
    public final void step() {
        try (GradMode.Scope s = GradMode.disable()) {
            int index = 0;
            for (int g = 0; g < groups.size(); g++) {
                ParamGroup<H> group = groups.get(g);
                for (Tensor p : group.params()) {
                    if (p.grad() != null) {
                        stepParameter(g, index, p, group);
                    }
                    index++;
                }
            }
            listeners.forEach(l -> l.onStepEnd(this));
        }
    }

    private void stepParameter(int g, int index, Tensor p, ParamGroup<H> group) {
        H options = group.options();
        ParamState previous = states.get(p);
        Map<String, Tensor> tensors = previous == null ? initialState(p, options) : previous.tensors();
        ParamState current = new ParamState(previous == null ? 1 : previous.step() + 1, tensors);
        Tensor grad = p.grad();
        if (group.proximal() == null && listeners.isEmpty()) {
            Map<String, Tensor> fused = fusedUpdate(p, grad, current, options);
            if (fused != null) {
                states.put(p, new ParamState(current.step(), fused));
                return;
            }
        }
        Updated updated = computeUpdate(p.detach(), grad, current, options);
        Tensor after = group.proximal() == null ? updated.param() : group.proximal().apply(updated.param(), options.lr());
        if (!after.shape().equals(p.shape()) || after.dtype() != p.dtype()) {
            throw new IllegalStateException(name + ": the update of parameter " + index + " " + p.shape() + " "
                    + p.dtype() + " returned " + after.shape() + " " + after.dtype() + "; an update rule must keep"
                    + " the parameter's shape and dtype");
        }
        ParamState next = new ParamState(current.step(), updated.state());
        Tensor before = listeners.isEmpty() ? null : p.copy();
        p.copyFrom(after);
        states.put(p, next);
        if (before != null) {
            ParamUpdate event = new ParamUpdate(g, index, p, before, after, grad, after.sub(before), next);
            listeners.forEach(l -> l.onUpdate(event));
        }
    }

    // ---- state dicts ----

    /**
     * Everything needed to resume training exactly, as a flat map of tensors that
     * {@link #save} stores in a safetensors file:
     * <ul>
     *   <li>{@code optimizer.<name>}: rank-0, the format version (1); names the optimizer type</li>
     *   <li>{@code param_groups.<g>.params}: {@code [n]}, the indices of group g's parameters</li>
     *   <li>{@code param_groups.<g>.<hyperparameter>}: rank-0, e.g. {@code param_groups.0.lr}</li>
     *   <li>{@code state.<i>.step}: rank-0, the steps parameter i has taken</li>
     *   <li>{@code state.<i>.<name>}: parameter i's state tensor, e.g. {@code state.0.exp_avg}</li>
     * </ul>
     * Bookkeeping values are F64 on the reference device; state tensors keep the parameter's dtype
     * and device and are shared, not copied (the optimizer never writes them again).
     */
    public final Map<String, Tensor> stateDict() {
        return OptimizerStateDict.write(this, parameters().stream().map(states::get).toList());
    }

    /**
     * Restores hyperparameters and state from a {@link #stateDict()} of an optimizer of the same
     * type over parameters of the same shapes, in the same groups. Tensors are copied, converted to
     * each parameter's dtype and device. Everything is checked first: on error nothing changes.
     *
     * @throws IllegalArgumentException listing what does not match: another optimizer type,
     *                                  another parameter layout, a missing or unexpected key, a
     *                                  wrong shape, an invalid hyperparameter
     */
    public final void loadStateDict(Map<String, Tensor> stateDict) {
        OptimizerStateDict.Loaded<H> loaded = OptimizerStateDict.read(this, stateDict);
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).setOptions(loaded.options().get(g));
        }
        List<Tensor> params = parameters();
        states.clear();
        loaded.states().forEach((i, st) -> states.put(params.get(i), st));
    }

    /**
     * Writes {@link #stateDict()} to a safetensors file, atomically; state tensors keep their
     * dtype, so {@link #load} continues bit-exactly.
     *
     * @throws IOException if the file cannot be written; an existing file is then left as it was
     */
    public final void save(Path path) throws IOException {
        OptimizerFile.write(this, path);
    }

    /**
     * Loads a file written by {@link #save} with {@link #loadStateDict}'s checks: on error nothing
     * changes.
     *
     * @throws IOException              if the file cannot be read or is not valid safetensors
     * @throws IllegalArgumentException naming the file, if its contents do not fit this optimizer
     */
    public final void load(Path path) throws IOException {
        OptimizerFile.read(this, path);
    }

    /** For example {@code SGD(2 groups, 4 params)}. */
    @Override
    public String toString() {
        return name + "(" + groups.size() + (groups.size() == 1 ? " group, " : " groups, ") + parameters().size()
                + " params)";
    }
}
