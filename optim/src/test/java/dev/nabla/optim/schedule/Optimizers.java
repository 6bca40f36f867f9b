package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamState;
import dev.nabla.optim.SGD;
import dev.nabla.optim.Updated;
import java.util.List;
import java.util.Map;

/** Optimizers for the schedule tests. */
final class Optimizers {
    private Optimizers() {
    }

    /** SGD with momentum 0.9 over one parameter per learning rate, one group each. */
    static SGD sgd(double... lrs) {
        SGD opt = new SGD(List.of(param()), SGD.Options.lr(lrs[0]).withMomentum(0.9));
        for (int g = 1; g < lrs.length; g++) {
            opt.addParamGroup(List.of(param()), opt.defaults().withLr(lrs[g]));
        }
        return opt;
    }

    static Tensor param() {
        return Tensor.fromArray(new double[] {1, 2}, 2).requiresGrad(true);
    }

    /** Hyperparameters named as Adam's, to see that a schedule finds {@code beta1}. */
    record BetaOptions(double lr, double beta1, double beta2) implements Hyperparameters<BetaOptions> {
        BetaOptions {
            Hyperparameters.requireNonNegative("Betas", "learning rate", lr);
            Hyperparameters.requireBeta("Betas", "beta1", beta1);
        }

        @Override
        public BetaOptions withLr(double value) {
            return new BetaOptions(value, beta1, beta2);
        }
    }

    /** An optimizer with Adam's hyperparameter names whose update does nothing. */
    static final class Betas extends Optimizer<BetaOptions> {
        Betas(double lr) {
            super("Betas", List.of(param()), new BetaOptions(lr, 0.9, 0.999));
        }

        @Override
        protected Map<String, Tensor> initialState(Tensor param, BetaOptions options) {
            return Map.of();
        }

        @Override
        protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, BetaOptions options) {
            return new Updated(param, Map.of());
        }
    }

    /** Hyperparameters without any momentum. */
    record PlainOptions(double lr) implements Hyperparameters<PlainOptions> {
        @Override
        public PlainOptions withLr(double value) {
            return new PlainOptions(value);
        }
    }

    /** An optimizer without momentum whose update does nothing. */
    static final class Plain extends Optimizer<PlainOptions> {
        Plain(double lr) {
            super("Plain", List.of(param()), new PlainOptions(lr));
        }

        @Override
        protected Map<String, Tensor> initialState(Tensor param, PlainOptions options) {
            return Map.of();
        }

        @Override
        protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, PlainOptions options) {
            return new Updated(param, Map.of());
        }
    }
}
