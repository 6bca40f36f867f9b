package dev.nabla.optim;

import dev.nabla.autodiff.FusedSteps;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.AdagradStep;
import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), as PyTorch 1.13's {@code torch.optim.Adagrad} for
 * dense gradients.
 *
 * <p>State per parameter: {@code sum}, the accumulated squared gradients.
 */
public final class Adagrad extends Optimizer<Adagrad.Options> {
    /**
     * Adagrad's hyperparameters; {@link #Options()} gives PyTorch's defaults.
     *
     * @param lr                      learning rate, {@code >= 0} (default 1e-2)
     * @param lrDecay                 learning-rate decay per step, {@code >= 0} (default 0)
     * @param weightDecay             L2 coefficient added to the gradient, {@code >= 0} (default 0)
     * @param initialAccumulatorValue the starting value of {@code sum}, {@code >= 0} (default 0)
     * @param eps                     added to the denominator, {@code >= 0} (default 1e-10)
     */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
            implements Hyperparameters<Options> {
        /**
         * @throws IllegalArgumentException if a value is negative or NaN
         */
        public Options {
            Hyperparameters.requireNonNegative("Adagrad", "learning rate", lr);
            Hyperparameters.requireNonNegative("Adagrad", "lr decay", lrDecay);
            Hyperparameters.requireNonNegative("Adagrad", "weight decay", weightDecay);
            Hyperparameters.requireNonNegative("Adagrad", "initial accumulator value", initialAccumulatorValue);
            Hyperparameters.requireNonNegative("Adagrad", "epsilon", eps);
        }

        /** PyTorch's defaults: lr 1e-2, no lr decay, no weight decay, accumulator starting at 0, eps 1e-10. */
        public Options() {
            this(1e-2, 0, 0, 0, 1e-10);
        }

        @Override
        public Options withLr(double value) {
            return new Options(value, lrDecay, weightDecay, initialAccumulatorValue, eps);
        }

        public Options withLrDecay(double value) {
            return new Options(lr, value, weightDecay, initialAccumulatorValue, eps);
        }

        public Options withWeightDecay(double value) {
            return new Options(lr, lrDecay, value, initialAccumulatorValue, eps);
        }

        public Options withInitialAccumulatorValue(double value) {
            return new Options(lr, lrDecay, weightDecay, value, eps);
        }

        public Options withEps(double value) {
            return new Options(lr, lrDecay, weightDecay, initialAccumulatorValue, value);
        }
    }

    /** Adagrad over {@code params} with PyTorch's defaults. */
    public Adagrad(List<Tensor> params) {
        this(params, new Options());
    }

    /**
     * Adagrad over {@code params} with {@code defaults}.
     *
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a non-leaf
     */
    public Adagrad(List<Tensor> params, Options defaults) {
        super("Adagrad", params, defaults);
    }

    /**
     * One Adagrad step, pure: nothing passed in is modified. At step {@code t} (1 at the first):
     *
     * <pre>
     * g = g + weightDecay * p
     * lr_t = lr / (1 + (t - 1) * lrDecay)
     * s = s + g^2                                      sum
     * p = p - lr_t * g / (sqrt(s) + eps)
     * </pre>
     *
     * @param param the parameter, any shape
     * @param grad  its gradient, same shape
     * @param sum   the accumulated squared gradients, same shape (initialAccumulatorValue before the first step)
     * @param step  the step number {@code t >= 1}
     * @return the new parameter and {@code sum}
     */
    public static Updated update(Tensor param, Tensor grad, Tensor sum, long step, Options o) {
        Tensor g = o.weightDecay() == 0 ? grad : grad.add(param, o.weightDecay());
        Tensor s = sum.add(g.mul(g));
        Tensor std = s.sqrt().add(o.eps());
        return new Updated(param.add(g.div(std), -decayedLr(step, o)), Map.of("sum", s));
    }

    private static double decayedLr(long step, Options o) {
        return o.lr() / (1 + (step - 1) * o.lrDecay());
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor param, Options options) {
        return Map.of("sum", Tensor.full(options.initialAccumulatorValue(), param.shape(), param.dtype(), param.device()));
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Options options) {
        return update(param, grad, state.get("sum"), state.step(), options);
    }

    /** The update rule in one pass through the backend's {@code adagradStep} kernel: the same bits. */
    @Override
    protected Map<String, Tensor> fusedUpdate(Tensor param, Tensor grad, ParamState state, Options o) {
        return Map.of("sum", FusedSteps.adagrad(param, grad, state.get("sum"),
                new AdagradStep(o.lr(), o.lrDecay(), o.weightDecay(), o.eps(), state.step())));
    }

    /** {@code lr_t / (sqrt(s) + eps)}: the factor applied to the gradient at the last step. */
    @Override
    protected Tensor effectiveLr(Tensor param, ParamState state, Options o) {
        return state.get("sum").sqrt().add(o.eps()).pow(-1).mul(decayedLr(state.step(), o));
    }
}
