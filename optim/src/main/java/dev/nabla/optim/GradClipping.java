package dev.nabla.optim;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping as PyTorch's {@code torch.nn.utils.clip_grad_norm_} and
 * {@code clip_grad_value_}: called between {@code backward()} and {@code step()}, it rescales or
 * clamps the {@code grad()} of each parameter in place. Parameters without a gradient are skipped.
 */
public final class GradClipping {
    private GradClipping() {
    }

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm}.
     *
     * @return the global norm before clipping
     * @see #clipGradNorm(List, double, double, boolean)
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2, false);
    }

    /**
     * Scales all gradients together so that their global {@code normType}-norm is at most
     * {@code maxNorm}. As in PyTorch 1.13: the global norm is the norm of the per-tensor norms
     * (the largest absolute value for an infinite {@code normType}), computed in the gradients'
     * dtype; every gradient is multiplied by {@code min(maxNorm / (norm + 1e-6), 1)}. A NaN or
     * infinite norm makes the gradients NaN, unless {@code errorIfNonfinite}.
     *
     * @param params           tensors whose gradients share a dtype and device
     * @param normType         {@code p > 0}, or {@link Double#POSITIVE_INFINITY} for the max norm
     * @param errorIfNonfinite throw instead of scaling by a NaN or infinite norm
     * @return the global norm before clipping (0 if no parameter has a gradient)
     * @throws IllegalArgumentException if {@code maxNorm} is negative or NaN, {@code normType} not
     *                                  positive, or the norm is not finite and {@code errorIfNonfinite}
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        Hyperparameters.requireNonNegative("clipGradNorm", "max norm", maxNorm);
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: invalid norm type " + normType
                    + "; it must be > 0, or Double.POSITIVE_INFINITY for the max norm");
        }
        List<Tensor> grads = gradients(params);
        if (grads.isEmpty()) {
            return 0;
        }
        try (GradMode.Scope s = GradMode.disable()) {
            List<Tensor> norms = new ArrayList<>();
            grads.forEach(g -> norms.add(norm(g, normType)));
            Tensor total = norms.size() == 1 ? norms.get(0) : norm(Tensor.stack(norms, 0), normType);
            double value = total.item();
            if (errorIfNonfinite && !Double.isFinite(value)) {
                throw new IllegalArgumentException("clipGradNorm: the total norm of order " + normType
                        + " of the gradients is " + value + ", so they cannot be clipped; find the NaN or"
                        + " infinite gradient, or pass errorIfNonfinite=false to scale by it anyway");
            }
            Tensor coef = Tensor.full(maxNorm, total.shape(), total.dtype(), total.device()).div(total.add(1e-6))
                    .clampMax(1.0);
            grads.forEach(g -> g.copyFrom(g.mul(coef)));
            return value;
        }
    }

    /**
     * Clamps every gradient element to {@code [-clipValue, clipValue]}.
     *
     * @throws IllegalArgumentException if {@code clipValue} is negative or NaN
     */
    public static void clipGradValue(List<Tensor> params, double clipValue) {
        Hyperparameters.requireNonNegative("clipGradValue", "clip value", clipValue);
        try (GradMode.Scope s = GradMode.disable()) {
            gradients(params).forEach(g -> g.copyFrom(g.clamp(-clipValue, clipValue)));
        }
    }

    /** {@code (sum |x|^p)^(1/p)} over all elements; the largest {@code |x|} for an infinite {@code p}. */
    private static Tensor norm(Tensor x, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            return x.abs().max();
        }
        if (p == 1) {
            return x.abs().sum();
        }
        if (p == 2) {
            return x.mul(x).sum().sqrt();
        }
        return x.abs().pow(p).sum().pow(1 / p);
    }

    private static List<Tensor> gradients(List<Tensor> params) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : params) {
            if (p.grad() != null) {
                grads.add(p.grad());
            }
        }
        return grads;
    }
}
