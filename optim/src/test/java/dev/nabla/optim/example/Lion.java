package dev.nabla.optim.example;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamState;
import dev.nabla.optim.Updated;
import java.util.List;
import java.util.Map;

/** Lion (Chen et al., 2023): the sign of an interpolated momentum, with decoupled weight decay. */
public final class Lion extends Optimizer<Lion.Options> {
    public record Options(double lr, double beta1, double beta2, double weightDecay)
            implements Hyperparameters<Options> {
        public Options {
            Hyperparameters.requireNonNegative("Lion", "learning rate", lr);
            Hyperparameters.requireBeta("Lion", "beta1", beta1);
            Hyperparameters.requireBeta("Lion", "beta2", beta2);
            Hyperparameters.requireNonNegative("Lion", "weight decay", weightDecay);
        }

        @Override
        public Options withLr(double value) {
            return new Options(value, beta1, beta2, weightDecay);
        }
    }

    public Lion(List<Tensor> params, Options defaults) {
        super("Lion", params, defaults);
    }

    /**
     * <pre>
     * p = p * (1 - lr * weightDecay) - lr * sign(beta1 * m + (1 - beta1) * g)
     * m = beta2 * m + (1 - beta2) * g                  exp_avg
     * </pre>
     */
    public static Updated update(Tensor p, Tensor g, Tensor m, Options o) {
        Tensor direction = m.mul(o.beta1()).add(g.mul(1 - o.beta1())).sign();
        Tensor param = p.mul(1 - o.lr() * o.weightDecay()).sub(direction.mul(o.lr()));
        return new Updated(param, Map.of("exp_avg", m.mul(o.beta2()).add(g.mul(1 - o.beta2()))));
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor param, Options options) {
        return Map.of("exp_avg", param.zerosLike());
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Options options) {
        return update(param, grad, state.get("exp_avg"), options);
    }
}
