package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Window2d;
import dev.nabla.tensor.spi.WindowDefaults;

/**
 * Average pooling of {@code x [N, C, H, W]} to {@code [N, C, outH, outW]} (dilation 1), each
 * window's sum divided as PyTorch divides it: by the window's area clipped to the padded input,
 * or with {@code countIncludePad} false to the input itself. The backward spreads each output's
 * gradient, over its divisor, evenly onto its window: the quotient expanded over the taps (stride
 * 0, no copy), folded back with col2im.
 */
public record AvgPool(Window2d window, boolean countIncludePad, Shape inputShape) implements Op {
    /** {@code x} is {@code [N, C, H, W]}; the caller has checked that the window and output sizes fit. */
    public static Tensor apply(Tensor x, Window2d window, boolean countIncludePad, int outH, int outW) {
        Tensor out = Kernels.empty(Shape.of(x.dim(0), x.dim(1), outH, outW), x.dtype(), x.backend());
        x.backend().avgPool2d(x.strided(), window, countIncludePad, out.strided());
        return Graph.record(out, new AvgPool(window, countIncludePad, x.shape()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Shape s = grad.shape();
        double[] divisors = WindowDefaults.poolDivisors(window, inputShape.dim(2), inputShape.dim(3), s.dim(2),
                s.dim(3), countIncludePad);
        Tensor perWindow = grad.div(Tensor.fromArray(divisors, Shape.of(s.dim(2), s.dim(3)), grad.dtype(),
                grad.device()));
        Tensor spread = perWindow.unsqueeze(2).unsqueeze(2)
                .expand(s.dim(0), s.dim(1), window.kernelH(), window.kernelW(), s.dim(2), s.dim(3));
        return new Tensor[] {Kernels.col2im(spread, window, inputShape)};
    }
}
