package dev.nabla.optim;

import dev.nabla.autodiff.FusedSteps;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.RmspropStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Hinton's lecture 6e), optionally centered (Graves, 2013) and with momentum, as
 * PyTorch 1.13's {@code torch.optim.RMSprop}.
 *
 * <p>State per parameter: {@code square_avg}, {@code momentum_buffer} (with momentum) and
 * {@code grad_avg} (centered).
 */
public final class RMSprop extends Optimizer<RMSprop.Options> {
    /**
     * RMSprop's hyperparameters; {@link #Options()} gives PyTorch's defaults.
     *
     * @param lr          learning rate, {@code >= 0} (default 1e-2)
     * @param alpha       decay of the squared-gradient average, {@code >= 0} (default 0.99)
     * @param eps         added to the denominator, {@code >= 0} (default 1e-8)
     * @param weightDecay L2 coefficient added to the gradient, {@code >= 0} (default 0)
     * @param momentum    momentum factor, {@code >= 0} (default 0: none)
     * @param centered    divide by an estimate of the gradient's variance instead of its second moment
     */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered)
            implements Hyperparameters<Options> {
        /**
         * @throws IllegalArgumentException if a value is negative or NaN
         */
        public Options {
            Hyperparameters.requireNonNegative("RMSprop", "learning rate", lr);
            Hyperparameters.requireNonNegative("RMSprop", "alpha", alpha);
            Hyperparameters.requireNonNegative("RMSprop", "epsilon", eps);
            Hyperparameters.requireNonNegative("RMSprop", "weight decay", weightDecay);
            Hyperparameters.requireNonNegative("RMSprop", "momentum", momentum);
        }

        /** PyTorch's defaults: lr 1e-2, alpha 0.99, eps 1e-8, no weight decay, no momentum, not centered. */
        public Options() {
            this(1e-2, 0.99, 1e-8, 0, 0, false);
        }

        @Override
        public Options withLr(double value) {
            return new Options(value, alpha, eps, weightDecay, momentum, centered);
        }

        public Options withAlpha(double value) {
            return new Options(lr, value, eps, weightDecay, momentum, centered);
        }

        public Options withEps(double value) {
            return new Options(lr, alpha, value, weightDecay, momentum, centered);
        }

        public Options withWeightDecay(double value) {
            return new Options(lr, alpha, eps, value, momentum, centered);
        }

        public Options withMomentum(double value) {
            return new Options(lr, alpha, eps, weightDecay, value, centered);
        }

        public Options withCentered(boolean value) {
            return new Options(lr, alpha, eps, weightDecay, momentum, value);
        }
    }

    /** RMSprop over {@code params} with PyTorch's defaults. */
    public RMSprop(List<Tensor> params) {
        this(params, new Options());
    }

    /**
     * RMSprop over {@code params} with {@code defaults}.
     *
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a non-leaf
     */
    public RMSprop(List<Tensor> params, Options defaults) {
        super("RMSprop", params, defaults);
    }

    /**
     * One RMSprop step, pure: nothing passed in is modified.
     *
     * <pre>
     * g = g + weightDecay * p
     * v = alpha * v + (1 - alpha) * g^2                square_avg
     * a = alpha * a + (1 - alpha) * g                  grad_avg, if centered
     * d = sqrt(v - a^2) + eps   if centered,   else   d = sqrt(v) + eps
     * b = momentum * b + g / d,   p = p - lr * b       momentum_buffer, if momentum > 0
     * p = p - lr * g / d                               otherwise
     * </pre>
     *
     * @param param     the parameter, any shape
     * @param grad      its gradient, same shape
     * @param squareAvg the squared-gradient average, same shape (zeros before the first step)
     * @param gradAvg   the gradient average if centered (zeros before the first step; null: zeros), else ignored
     * @param buffer    the momentum buffer if momentum > 0 (zeros before the first step; null: zeros), else
     *                  ignored
     * @return the new parameter, {@code square_avg} and, as configured, {@code momentum_buffer} and {@code grad_avg}
     */
    public static Updated update(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor buffer,
                                 Options o) {
        Tensor g = o.weightDecay() == 0 ? grad : grad.add(param, o.weightDecay());
        Tensor v = squareAvg.mul(o.alpha()).add(g.mul(1 - o.alpha()).mul(g));
        Tensor a = o.centered() ? orZeros(gradAvg, g).mul(o.alpha()).add(g, 1 - o.alpha()) : null;
        Tensor avg = (a == null ? v : v.add(a.neg().mul(a))).sqrt().add(o.eps());
        Tensor b = o.momentum() > 0 ? orZeros(buffer, g).mul(o.momentum()).add(g.div(avg)) : null;
        return new Updated(b != null ? param.add(b, -o.lr()) : param.add(g.div(avg), -o.lr()), averages(v, b, a));
    }

    private static Tensor orZeros(Tensor t, Tensor like) {
        return t == null ? like.zerosLike() : t;
    }

    /** The state by PyTorch's names, in its order; the buffer and the gradient average only when given. */
    private static Map<String, Tensor> averages(Tensor squareAvg, Tensor momentumBuffer, Tensor gradAvg) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("square_avg", squareAvg);
        if (momentumBuffer != null) {
            state.put("momentum_buffer", momentumBuffer);
        }
        if (gradAvg != null) {
            state.put("grad_avg", gradAvg);
        }
        return state;
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor param, Options options) {
        return averages(param.zerosLike(), options.momentum() > 0 ? param.zerosLike() : null,
                options.centered() ? param.zerosLike() : null);
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Options options) {
        return update(param, grad, state.get("square_avg"), state.find("grad_avg"), state.find("momentum_buffer"),
                options);
    }

    /** The update rule in one pass through the backend's {@code rmspropStep} kernel: the same bits. */
    @Override
    protected Map<String, Tensor> fusedUpdate(Tensor param, Tensor grad, ParamState state, Options o) {
        RmspropStep step = new RmspropStep(o.lr(), o.alpha(), o.eps(), o.weightDecay(), o.momentum(), o.centered());
        // State from other settings (a group's options changed) may lack what this step needs: zeros, as in update.
        FusedSteps.RmspropAverages next = FusedSteps.rmsprop(param, grad, state.get("square_avg"),
                step.centered() ? orZeros(state.find("grad_avg"), param) : null,
                step.hasMomentum() ? orZeros(state.find("momentum_buffer"), param) : null, step);
        return averages(next.squareAvg(), next.momentumBuffer(), next.gradAvg());
    }

    /** {@code lr / d}, with {@code d} the denominator of the last step: the factor applied to the gradient. */
    @Override
    protected Tensor effectiveLr(Tensor param, ParamState state, Options o) {
        Tensor v = state.get("square_avg");
        Tensor variance = o.centered() ? v.sub(state.get("grad_avg").mul(state.get("grad_avg"))) : v;
        return variance.sqrt().add(o.eps()).pow(-1).mul(o.lr());
    }
}
