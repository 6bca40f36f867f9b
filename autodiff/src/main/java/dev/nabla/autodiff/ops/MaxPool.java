package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Window2d;

/**
 * Max pooling of {@code x [N, C, H, W]} to {@code [N, C, outH, outW]}; padding never wins, and a
 * NaN counts as the maximum (as PyTorch). The forward keeps the tap {@code kh*KW + kw} of each
 * maximum (the first on ties); the backward sends each output's gradient to that one input
 * element, summing where windows overlap.
 *
 * <p>Tap indices are below {@code KH*KW}, so they are exact in F32 whatever the image size,
 * unlike flat input positions; the backward is the backend's
 * {@link dev.nabla.tensor.spi.Backend#maxPool2dBackward}.
 */
public record MaxPool(Window2d window, Shape inputShape, Tensor taps) implements Op {
    /** {@code x} is {@code [N, C, H, W]}; the caller has checked that the window and output sizes fit. */
    public static Tensor apply(Tensor x, Window2d window, int outH, int outW) {
        Shape outShape = Shape.of(x.dim(0), x.dim(1), outH, outW);
        Tensor out = Kernels.empty(outShape, x.dtype(), x.backend());
        Tensor taps = Kernels.empty(outShape, x.dtype(), x.backend());
        x.backend().maxPool2d(x.strided(), window, out.strided(), taps.strided());
        return Graph.record(out, new MaxPool(window, x.shape(), taps), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor dx = Kernels.empty(inputShape, grad.dtype(), grad.backend());
        grad.backend().maxPool2dBackward(grad.strided(), taps.strided(), window, dx.strided());
        return new Tensor[] {dx};
    }
}
