package dev.nabla.optim;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * Penalty terms to add to a loss, and the soft-threshold behind the L1 {@link Proximal} step.
 *
 * <p>Conventions: the L2 penalty is {@code lambda / 2 * sum w^2}, so its gradient is
 * {@code lambda * w}: the same as SGD's {@code weightDecay = lambda} (with adaptive optimizers
 * such as Adam the two differ from AdamW's decoupled decay). The L1 penalty is
 * {@code lambda * sum|w|}, whose subgradient at 0 is taken as 0; it shrinks weights towards zero
 * but rarely makes them exactly zero, which {@link Proximal#l1} does.
 */
public final class Regularization {
    private Regularization() {
    }

    /**
     * {@code lambda / 2 * sum over params of sum(w^2)}, differentiable.
     *
     * @param params tensors of any shapes, on one device with one dtype
     * @return a rank-0 tensor in the params' dtype
     * @throws IllegalArgumentException if {@code params} is empty or {@code lambda} negative or NaN
     */
    public static Tensor l2Penalty(List<Tensor> params, double lambda) {
        check("l2Penalty", params, "lambda", lambda);
        return sumOver(params, w -> w.mul(w).sum()).mul(lambda / 2);
    }

    /**
     * {@code lambda * sum over params of sum|w|}, differentiable (gradient {@code lambda * sign(w)}).
     *
     * @return a rank-0 tensor in the params' dtype
     * @throws IllegalArgumentException if {@code params} is empty or {@code lambda} negative or NaN
     */
    public static Tensor l1Penalty(List<Tensor> params, double lambda) {
        check("l1Penalty", params, "lambda", lambda);
        return sumOver(params, w -> w.abs().sum()).mul(lambda);
    }

    /**
     * The elastic net {@code l1 * sum|w| + l2 / 2 * sum w^2}, differentiable.
     *
     * @return a rank-0 tensor in the params' dtype
     * @throws IllegalArgumentException if {@code params} is empty or a strength negative or NaN
     */
    public static Tensor elasticNet(List<Tensor> params, double l1, double l2) {
        check("elasticNet", params, "l1", l1);
        Hyperparameters.requireNonNegative("elasticNet", "l2", l2);
        return l1Penalty(params, l1).add(l2Penalty(params, l2));
    }

    /**
     * {@code sign(w) * max(|w| - threshold, 0)}: values within {@code threshold} of zero become
     * exactly zero (+0), the others move {@code threshold} towards zero. Not recorded for autodiff
     * when grad mode is off; does not modify {@code w}.
     *
     * @param w any shape
     * @return a tensor of {@code w}'s shape
     * @throws IllegalArgumentException if {@code threshold} is negative or NaN
     */
    public static Tensor softThreshold(Tensor w, double threshold) {
        Hyperparameters.requireNonNegative("softThreshold", "threshold", threshold);
        return Tensor.where(w.abs().gt(threshold), w.sub(w.sign().mul(threshold)), w.zerosLike());
    }

    private static Tensor sumOver(List<Tensor> params, Function<Tensor, Tensor> term) {
        Tensor total = term.apply(params.get(0));
        for (int i = 1; i < params.size(); i++) {
            total = total.add(term.apply(params.get(i)));
        }
        return total;
    }

    private static void check(String op, List<Tensor> params, String what, double lambda) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(op + ": empty parameter list; pass the tensors to regularize");
        }
        Hyperparameters.requireNonNegative(op, what, lambda);
    }
}
