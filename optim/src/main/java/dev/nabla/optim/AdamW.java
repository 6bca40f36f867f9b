package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with weight decay decoupled from the gradient, as
 * PyTorch 1.13's {@code torch.optim.AdamW}. The decay shrinks the parameter by
 * {@code lr * weightDecay} before the Adam step, instead of passing through the adaptive
 * denominator as {@link Adam}'s L2 term does.
 *
 * <p>Hyperparameters: {@link Adam.Options}, with {@link #defaultOptions()}. State per parameter: {@code exp_avg}, {@code exp_avg_sq} and, with AMSGrad,
 * {@code max_exp_avg_sq}.
 */
public final class AdamW extends AdamBase {
    /** PyTorch's defaults for AdamW: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 1e-2, no AMSGrad. */
    public static Adam.Options defaultOptions() {
        return new Adam.Options().withWeightDecay(1e-2);
    }

    /** AdamW over {@code params} with PyTorch's defaults. */
    public AdamW(List<Tensor> params) {
        this(params, defaultOptions());
    }

    /**
     * AdamW over {@code params} with {@code defaults}.
     *
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a non-leaf
     */
    public AdamW(List<Tensor> params, Adam.Options defaults) {
        super("AdamW", params, defaults, true);
    }

    /**
     * One AdamW step, pure: nothing passed in is modified. At step {@code t} (1 at the first):
     *
     * <pre>
     * p = p * (1 - lr * weightDecay)                   decoupled decay, before the moments
     * m = beta1 * m + (1 - beta1) * g                  exp_avg
     * v = beta2 * v + (1 - beta2) * g^2                exp_avg_sq
     * vMax = max(vMax, v)                              max_exp_avg_sq; with amsgrad, v below means vMax
     * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
     * </pre>
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
                                 long step, Adam.Options o) {
        Tensor decayed = param.mul(1 - o.lr() * o.weightDecay());
        return adamStep(decayed, grad, expAvg, expAvgSq, maxExpAvgSq, step, o);
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Adam.Options options) {
        return update(param, grad, state.get("exp_avg"), state.get("exp_avg_sq"), state.find("max_exp_avg_sq"),
                state.step(), options);
    }
}
