package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Window2d;

/**
 * 2-D convolution of {@code x [N, C, H, W]} with {@code weight [O, C / groups, KH, KW]} plus
 * {@code bias [O]} (or none) into {@code [N, O, outH, outW]}, on the backend's convolution
 * kernels. The backward is the adjoints: the input's gradient spreads each output gradient back
 * over the input positions its window read, weighted by the kernel; the weight's gradient sums,
 * over the batch and the output positions, each output gradient times the input the tap read;
 * the bias's sums the output gradient over all but the channel axis.
 *
 * <p>A primitive rather than im2col followed by a matrix product, because a backend can then
 * convolve without writing the {@code KH * KW} times larger columns (see docs/performance.md).
 */
public record Convolve(Window2d window, int groups, Tensor x, Tensor weight, Tensor bias) implements Op {
    /**
     * {@code x} is {@code [N, C, H, W]} on the weight's (and bias's) device and dtype; the caller
     * has checked the channel counts, the groups, the bias's size, and that the window and output
     * sizes fit.
     *
     * @param bias {@code [O]}, or null for none
     */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, Window2d window, int groups, int outH,
                               int outW) {
        Tensor out = Kernels.empty(Shape.of(x.dim(0), weight.dim(0), outH, outW), x.dtype(), x.backend());
        x.backend().conv2d(x.strided(), weight.strided(), Kernels.stridedOrNull(bias), window, groups, out.strided());
        Convolve op = new Convolve(window, groups, x, weight, bias);
        return bias == null ? Graph.record(out, op, x, weight) : Graph.record(out, op, x, weight, bias);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor dx = null;
        if (x.requiresGrad()) {
            dx = Kernels.empty(x.shape(), x.dtype(), x.backend());
            x.backend().conv2dBackwardInput(grad.strided(), weight.strided(), window, groups, dx.strided());
        }
        Tensor db = bias != null && bias.requiresGrad() ? Kernels.empty(bias.shape(), x.dtype(), x.backend()) : null;
        Tensor dw = null;
        if (weight.requiresGrad()) {
            dw = Kernels.empty(weight.shape(), weight.dtype(), weight.backend());
            x.backend().conv2dBackwardWeight(x.strided(), grad.strided(), window, groups, dw.strided(),
                    Kernels.stridedOrNull(db));
        } else if (db != null) {
            db = grad.sum(new int[] {0, 2, 3}, false);
        }
        return bias == null ? new Tensor[] {dx, dw} : new Tensor[] {dx, dw, db};
    }
}
