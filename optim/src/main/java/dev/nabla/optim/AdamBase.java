package dev.nabla.optim;

import dev.nabla.autodiff.FusedSteps;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.AdamStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Adam} and {@link AdamW} share: hyperparameters, state, the moment estimates and the
 * bias-corrected step. They differ only in how weight decay enters, before the step.
 */
abstract class AdamBase extends Optimizer<Adam.Options> {
    /** AdamW's weight decay of the parameter, rather than Adam's L2 term in the gradient. */
    private final boolean decoupled;

    AdamBase(String name, List<Tensor> params, Adam.Options defaults, boolean decoupled) {
        super(name, params, defaults);
        this.decoupled = decoupled;
    }

    /**
     * <pre>
     * m = beta1 * m + (1 - beta1) * g
     * v = beta2 * v + (1 - beta2) * g^2
     * vMax = max(vMax, v)                              (amsgrad; the denominator uses vMax for v)
     * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
     * </pre>
     * in PyTorch's order of operations. {@code vMax} is ignored unless {@code amsgrad}; null starts it at
     * {@code v} (AMSGrad switched on during training).
     */
    static Updated adamStep(Tensor param, Tensor grad, Tensor m, Tensor v, Tensor vMax, long t, Adam.Options o) {
        double beta1 = o.beta1();
        double beta2 = o.beta2();
        boolean amsgrad = o.amsgrad();
        Tensor expAvg = m.mul(beta1).add(grad, 1 - beta1);
        Tensor expAvgSq = v.mul(beta2).add(grad.mul(1 - beta2).mul(grad));
        Tensor maxExpAvgSq = !amsgrad ? null : vMax == null ? expAvgSq : vMax.maximum(expAvgSq);
        double stepSize = o.lr() / (1 - Math.pow(beta1, t));
        Tensor denom = (amsgrad ? maxExpAvgSq : expAvgSq).sqrt().div(Math.sqrt(1 - Math.pow(beta2, t))).add(o.eps());
        return new Updated(param.add(expAvg.div(denom), -stepSize), moments(expAvg, expAvgSq, maxExpAvgSq));
    }

    /** The state by PyTorch's names, in its order; {@code max_exp_avg_sq} only when given (AMSGrad). */
    private static Map<String, Tensor> moments(Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("exp_avg", expAvg);
        state.put("exp_avg_sq", expAvgSq);
        if (maxExpAvgSq != null) {
            state.put("max_exp_avg_sq", maxExpAvgSq);
        }
        return state;
    }

    /** The update rule in one pass through the backend's {@code adamStep} kernel: the same bits. */
    @Override
    protected final Map<String, Tensor> fusedUpdate(Tensor param, Tensor grad, ParamState state, Adam.Options o) {
        FusedSteps.AdamMoments next = FusedSteps.adam(param, grad, state.get("exp_avg"), state.get("exp_avg_sq"),
                state.find("max_exp_avg_sq"), new AdamStep(o.lr(), o.beta1(), o.beta2(), o.eps(), o.weightDecay(),
                        decoupled, o.amsgrad(), state.step()));
        return moments(next.expAvg(), next.expAvgSq(), next.maxExpAvgSq());
    }

    /** Zeros named {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}. */
    @Override
    protected final Map<String, Tensor> initialState(Tensor param, Adam.Options options) {
        return moments(param.zerosLike(), param.zerosLike(), options.amsgrad() ? param.zerosLike() : null);
    }

    /** {@code lr / (sqrt(v_hat) + eps)}, the factor applied to the bias-corrected first moment {@code m_hat}. */
    @Override
    protected final Tensor effectiveLr(Tensor param, ParamState state, Adam.Options o) {
        Tensor v = state.get(o.amsgrad() ? "max_exp_avg_sq" : "exp_avg_sq");
        Tensor sqrtVHat = v.sqrt().div(Math.sqrt(1 - Math.pow(o.beta2(), state.step())));
        return sqrtVHat.add(o.eps()).pow(-1).mul(o.lr());
    }
}
