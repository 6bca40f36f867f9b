package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;

/**
 * Batch normalization of {@code x [N, C, ...]} with the batch's own statistics (training mode):
 * {@code (x - mean) / sqrt(var + eps) * weight + bias} per channel, on the backend's
 * {@link dev.nabla.tensor.spi.Backend#batchNorm} kernel. The backward is PyTorch's: with
 * {@code xhat} the normalized input and means over every axis but 1, {@code dbias = sum(dy)},
 * {@code dweight = sum(dy * xhat)}, {@code dx = weight / sqrt(var + eps) * (dy - mean(dy) - xhat
 * * mean(dy * xhat))} (the statistics' own dependence on x included).
 *
 * <p>A primitive rather than a composition of means, differences and quotients, whose graph
 * makes about twenty passes over the activations forward and backward where a kernel makes
 * five (see docs/performance.md).
 *
 * @param weight {@code [C]}, or null (with {@code bias}) for none
 * @param mean   the batch mean the forward computed, {@code [C]}
 * @param var    the batch's biased variance, {@code [C]}
 */
public record BatchNormalize(Tensor x, Tensor weight, Tensor bias, Tensor mean, Tensor var, double eps)
        implements Op {

    /** The normalized {@code out} (x's shape) and the batch statistics it used, {@code [C]} each, outside the graph. */
    public record Result(Tensor out, Tensor mean, Tensor var) {
    }

    /**
     * {@code x} is {@code [N, C, ...]} with more than one value per channel; {@code weight} and
     * {@code bias} are both {@code [C]} on x's device and dtype, or both null.
     */
    public static Result apply(Tensor x, Tensor weight, Tensor bias, double eps) {
        if (weight != null) {
            Kernels.requireCompatible("batchNorm", x, weight);
            Kernels.requireCompatible("batchNorm", x, bias);
        }
        Shape channels = Shape.of(x.dim(1));
        Tensor out = Kernels.empty(x.shape(), x.dtype(), x.backend());
        Tensor mean = Kernels.empty(channels, x.dtype(), x.backend());
        Tensor var = Kernels.empty(channels, x.dtype(), x.backend());
        x.backend().batchNorm(x.strided(), Kernels.stridedOrNull(weight), Kernels.stridedOrNull(bias), eps,
                out.strided(), mean.strided(), var.strided());
        BatchNormalize op = new BatchNormalize(x, weight, bias, mean, var, eps);
        Tensor recorded = weight == null ? Graph.record(out, op, x) : Graph.record(out, op, x, weight, bias);
        return new Result(recorded, mean, var);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor dx = x.requiresGrad() ? Kernels.empty(x.shape(), x.dtype(), x.backend()) : null;
        Tensor dw = weight != null && weight.requiresGrad() ? perChannel() : null;
        Tensor db = bias != null && bias.requiresGrad() ? perChannel() : null;
        x.backend().batchNormBackward(grad.strided(), x.strided(), mean.strided(), var.strided(),
                Kernels.stridedOrNull(weight), eps, Kernels.stridedOrNull(dx), Kernels.stridedOrNull(dw),
                Kernels.stridedOrNull(db));
        return weight == null ? new Tensor[] {dx} : new Tensor[] {dx, dw, db};
    }

    private Tensor perChannel() {
        return Kernels.empty(mean.shape(), x.dtype(), x.backend());
    }
}
