package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with optional AMSGrad, as PyTorch 1.13's {@code torch.optim.Adam}.
 * Weight decay is L2 regularization added to the gradient, which the adaptive denominator then
 * rescales; for decay decoupled from the gradient use {@link AdamW}.
 *
 * <p>State per parameter: {@code exp_avg}, {@code exp_avg_sq} and, with AMSGrad,
 * {@code max_exp_avg_sq}.
 */
public final class Adam extends AdamBase {
    /**
     * The hyperparameters of Adam and {@link AdamW}; {@link #Options()} gives Adam's defaults in
     * PyTorch, {@link AdamW#defaultOptions()} AdamW's.
     *
     * @param lr          learning rate, {@code >= 0} (default 1e-3)
     * @param beta1       decay of the first moment, in [0, 1) (default 0.9)
     * @param beta2       decay of the second moment, in [0, 1) (default 0.999)
     * @param eps         added to the denominator, {@code >= 0} (default 1e-8)
     * @param weightDecay {@code >= 0}: Adam adds {@code weightDecay * p} to the gradient (default 0),
     *                    AdamW shrinks {@code p} by {@code lr * weightDecay} (default 1e-2)
     * @param amsgrad     divide by the running maximum of the second moment (default false)
     */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad)
            implements Hyperparameters<Options> {
        /**
         * @throws IllegalArgumentException if a value is negative or NaN, or a beta outside [0, 1)
         */
        public Options {
            Hyperparameters.requireNonNegative("Adam", "learning rate", lr);
            Hyperparameters.requireNonNegative("Adam", "epsilon", eps);
            Hyperparameters.requireBeta("Adam", "beta1", beta1);
            Hyperparameters.requireBeta("Adam", "beta2", beta2);
            Hyperparameters.requireNonNegative("Adam", "weight decay", weightDecay);
        }

        /** PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay, no AMSGrad. */
        public Options() {
            this(1e-3, 0.9, 0.999, 1e-8, 0, false);
        }

        @Override
        public Options withLr(double value) {
            return new Options(value, beta1, beta2, eps, weightDecay, amsgrad);
        }

        public Options withBetas(double b1, double b2) {
            return new Options(lr, b1, b2, eps, weightDecay, amsgrad);
        }

        public Options withEps(double value) {
            return new Options(lr, beta1, beta2, value, weightDecay, amsgrad);
        }

        public Options withWeightDecay(double value) {
            return new Options(lr, beta1, beta2, eps, value, amsgrad);
        }

        public Options withAmsgrad(boolean value) {
            return new Options(lr, beta1, beta2, eps, weightDecay, value);
        }
    }

    /** Adam over {@code params} with PyTorch's defaults. */
    public Adam(List<Tensor> params) {
        this(params, new Options());
    }

    /**
     * Adam over {@code params} with {@code defaults}.
     *
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a non-leaf
     */
    public Adam(List<Tensor> params, Options defaults) {
        super("Adam", params, defaults, false);
    }

    /**
     * One Adam step, pure: nothing passed in is modified. At step {@code t} (1 at the first):
     *
     * <pre>
     * g = g + weightDecay * p
     * m = beta1 * m + (1 - beta1) * g                  exp_avg
     * v = beta2 * v + (1 - beta2) * g^2                exp_avg_sq
     * vMax = max(vMax, v)                              max_exp_avg_sq; with amsgrad, v below means vMax
     * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
     * </pre>
     * that is {@code p - lr * m_hat / (sqrt(v_hat) + eps)} with the bias-corrected moments, eps
     * added after the correction as in PyTorch.
     *
     * @param param       the parameter, any shape
     * @param grad        its gradient, same shape
     * @param expAvg      the first moment, same shape (zeros before the first step)
     * @param expAvgSq    the second moment, same shape (zeros before the first step)
     * @param maxExpAvgSq the running maximum of the second moment with amsgrad (null: starts at
     *                    the new {@code exp_avg_sq}), else ignored
     * @param step        the step number {@code t >= 1}
     * @return the new parameter, {@code exp_avg}, {@code exp_avg_sq} and with amsgrad {@code max_exp_avg_sq}
     */
    public static Updated update(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq,
                                 long step, Options o) {
        Tensor g = o.weightDecay() == 0 ? grad : grad.add(param, o.weightDecay());
        return adamStep(param, g, expAvg, expAvgSq, maxExpAvgSq, step, o);
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Options options) {
        return update(param, grad, state.get("exp_avg"), state.get("exp_avg_sq"), state.find("max_exp_avg_sq"),
                state.step(), options);
    }
}
