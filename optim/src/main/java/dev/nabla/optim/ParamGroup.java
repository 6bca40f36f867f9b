package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * Parameters that share hyperparameters within one optimizer (for example, weights with weight
 * decay and biases without). The parameter list is fixed; the hyperparameters can be replaced
 * between steps, which is how schedules change the learning rate.
 *
 * @param <H> the optimizer's hyperparameter record
 */
public final class ParamGroup<H extends Hyperparameters<H>> {
    private final List<Tensor> params;
    private H options;
    private Proximal proximal;
    private Double initialLr;

    ParamGroup(List<Tensor> params, H options) {
        this.params = List.copyOf(params);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The parameters, in order (unmodifiable). */
    public List<Tensor> params() {
        return params;
    }

    /** This group's hyperparameters. */
    public H options() {
        return options;
    }

    /** Replaces this group's hyperparameters from the next step on. */
    public void setOptions(H value) {
        this.options = Objects.requireNonNull(value, "options");
    }

    /** This group's learning rate. */
    public double lr() {
        return options.lr();
    }

    /**
     * Sets this group's learning rate from the next step on.
     *
     * @throws IllegalArgumentException if {@code value} is negative or NaN
     */
    public void setLr(double value) {
        this.options = options.withLr(value);
    }

    /**
     * The learning rate this group had when its first learning-rate scheduler was made (PyTorch's
     * {@code group['initial_lr']}), or its current one if no scheduler was made for it. Schedulers
     * decay from it, so a decay made after a warm-up scheduler still starts from the original rate.
     */
    public double initialLr() {
        return initialLr != null ? initialLr : lr();
    }

    /** Records the current learning rate as the initial one unless one is recorded; returns it. */
    public double recordInitialLr() {
        if (initialLr == null) {
            initialLr = lr();
        }
        return initialLr;
    }

    /** Replaces the recorded initial learning rate (as OneCycleLR does). */
    public void setInitialLr(double value) {
        this.initialLr = value;
    }

    /** The proximal step applied after each update of this group's parameters, or null for none. */
    public Proximal proximal() {
        return proximal;
    }

    /**
     * Applies {@code value} to each of this group's parameters after every update (for example
     * {@link Proximal#l1(double)} on the weights only); null removes it.
     */
    public void setProximal(Proximal value) {
        this.proximal = value;
    }

    /** For example {@code ParamGroup[2 params, Options[lr=0.1, momentum=0.9, ...]]}. */
    @Override
    public String toString() {
        return "ParamGroup[" + params.size() + " params, " + options + (proximal == null ? "" : ", " + proximal) + "]";
    }
}
