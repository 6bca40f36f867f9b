package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Window2d;

/**
 * im2col: the sliding windows of {@code x [N, C, H, W]} laid out as
 * {@code [N, C, KH, KW, outH, outW]}, zero where a tap falls in the padding. A convolution is this
 * followed by one matrix product. The backward is the adjoint, col2im: each gradient element goes
 * back to the input position it was read from, summed where windows overlap.
 */
public record Unfold(Window2d window, Shape inputShape) implements Op {
    /** {@code x} is {@code [N, C, H, W]}; the caller has checked that the window and output sizes fit. */
    public static Tensor apply(Tensor x, Window2d window, int outH, int outW) {
        return Graph.record(Kernels.im2col(x, window, outH, outW), new Unfold(window, x.shape()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {Kernels.col2im(grad, window, inputShape)};
    }
}
