package dev.nabla.optim;

/**
 * The hyperparameters of one param group: a record per optimizer (for example {@link SGD.Options})
 * whose compact constructor validates every value, so no invalid setting can exist.
 *
 * <p>The learning rate is common to all of them, so schedules reach it through
 * {@link ParamGroup#lr()} and {@link ParamGroup#setLr(double)} whatever the optimizer. The other
 * components are typed per optimizer. State dicts store every component as a rank-0 F64 tensor
 * named after it in snake case ({@code weightDecay} becomes {@code param_groups.0.weight_decay},
 * booleans as 0 or 1); the record may therefore only have {@code double}, {@code float},
 * {@code int}, {@code long} and {@code boolean} components.
 *
 * @param <H> the implementing record itself
 */
public interface Hyperparameters<H extends Hyperparameters<H>> {
    /** The learning rate, {@code >= 0}. */
    double lr();

    /**
     * These hyperparameters with the learning rate replaced.
     *
     * @throws IllegalArgumentException if {@code lr} is negative or NaN
     */
    H withLr(double lr);

    /**
     * Checks a value that must be a number {@code >= 0} (learning rates, weight decay, momentum,
     * eps), with PyTorch's wording.
     *
     * @param optimizer names the optimizer in the message, e.g. {@code "SGD"}
     * @param what      names the value, e.g. {@code "learning rate"}
     * @throws IllegalArgumentException {@code "SGD: invalid learning rate -1.0; it must be a number >= 0"}
     */
    static void requireNonNegative(String optimizer, String what, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(optimizer + ": invalid " + what + " " + value
                    + "; it must be a number >= 0");
        }
    }

    /**
     * Checks a decay rate of a moving average (Adam's betas, RMSprop's alpha), which must lie in
     * {@code [0, 1)}.
     *
     * @throws IllegalArgumentException {@code "Adam: invalid beta1 1.0; it must lie in [0, 1)"}
     */
    static void requireBeta(String optimizer, String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + ": invalid " + what + " " + value + "; it must lie in [0, 1)");
        }
    }
}
