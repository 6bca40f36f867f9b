package dev.nabla.optim;

import dev.nabla.autodiff.FusedSteps;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.SgdStep;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, as PyTorch 1.13's {@code torch.optim.SGD}. On gradients of the whole data set this is
 * plain (full-batch) gradient descent: there is no separate class for it.
 *
 * <p>State per parameter: {@code momentum_buffer} (only with momentum, created at the first step).
 */
public final class SGD extends Optimizer<SGD.Options> {
    /**
     * SGD's hyperparameters. PyTorch has no default learning rate for SGD; start from
     * {@link #lr(double)}.
     *
     * @param lr          learning rate, {@code >= 0}
     * @param momentum    momentum factor, {@code >= 0} (0: none)
     * @param dampening   dampening of the momentum, {@code >= 0}
     * @param weightDecay L2 coefficient added to the gradient, {@code >= 0}
     * @param nesterov    Nesterov momentum (needs momentum {@code > 0} and dampening 0)
     */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov)
            implements Hyperparameters<Options> {
        /**
         * @throws IllegalArgumentException if a value is negative or NaN, or Nesterov is asked for
         *                                  without momentum or with dampening
         */
        public Options {
            Hyperparameters.requireNonNegative("SGD", "learning rate", lr);
            Hyperparameters.requireNonNegative("SGD", "momentum", momentum);
            Hyperparameters.requireNonNegative("SGD", "dampening", dampening);
            Hyperparameters.requireNonNegative("SGD", "weight decay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum > 0 and zero dampening,"
                        + " got momentum=" + momentum + ", dampening=" + dampening);
            }
        }

        /** Learning rate {@code lr}, no momentum, no dampening, no weight decay. */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false);
        }

        @Override
        public Options withLr(double value) {
            return new Options(value, momentum, dampening, weightDecay, nesterov);
        }

        public Options withMomentum(double value) {
            return new Options(lr, value, dampening, weightDecay, nesterov);
        }

        public Options withDampening(double value) {
            return new Options(lr, momentum, value, weightDecay, nesterov);
        }

        public Options withWeightDecay(double value) {
            return new Options(lr, momentum, dampening, value, nesterov);
        }

        public Options withNesterov(boolean value) {
            return new Options(lr, momentum, dampening, weightDecay, value);
        }
    }

    /**
     * SGD over {@code params} with {@code defaults}.
     *
     * @throws IllegalArgumentException if {@code params} is empty, repeats a tensor or holds a non-leaf
     */
    public SGD(List<Tensor> params, Options defaults) {
        super("SGD", params, defaults);
    }

    /**
     * One SGD step, pure: nothing passed in is modified.
     *
     * <pre>
     * d = g + weightDecay * p
     * if momentum != 0:
     *     b = d                                      at the first step (buffer == null)
     *     b = momentum * b + (1 - dampening) * d     afterwards
     *     d = d + momentum * b   if nesterov,   else   d = b
     * p = p - lr * d
     * </pre>
     * where each {@code x + s * y} is one rounding ({@link Tensor#add(Tensor, double)}), as PyTorch's
     * {@code add_(y, alpha=s)}.
     *
     * @param param  the parameter, any shape
     * @param grad   its gradient, same shape
     * @param buffer the momentum buffer, same shape, or null before the first step
     * @return the new parameter and, with momentum, {@code momentum_buffer}
     */
    public static Updated update(Tensor param, Tensor grad, Tensor buffer, Options o) {
        Tensor d = o.weightDecay() == 0 ? grad : grad.add(param, o.weightDecay());
        if (o.momentum() == 0) {
            return new Updated(param.add(d, -o.lr()), Map.of());
        }
        Tensor b = buffer == null ? d.copy() : buffer.mul(o.momentum()).add(d, 1 - o.dampening());
        Tensor direction = o.nesterov() ? d.add(b, o.momentum()) : b;
        return new Updated(param.add(direction, -o.lr()), Map.of("momentum_buffer", b));
    }

    @Override
    protected Map<String, Tensor> initialState(Tensor param, Options options) {
        return Map.of();
    }

    /** {@link #update} in one pass through {@link FusedSteps#sgd}, the same bits. */
    @Override
    protected Map<String, Tensor> fusedUpdate(Tensor param, Tensor grad, ParamState state, Options o) {
        Tensor buffer = FusedSteps.sgd(param, grad, state.find("momentum_buffer"),
                new SgdStep(o.lr(), o.momentum(), o.dampening(), o.weightDecay(), o.nesterov()));
        return buffer == null ? Map.of() : Map.of("momentum_buffer", buffer);
    }

    @Override
    protected Updated computeUpdate(Tensor param, Tensor grad, ParamState state, Options options) {
        return update(param, grad, state.find("momentum_buffer"), options);
    }
}
