package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.Pooling;
import dev.nabla.autodiff.functional.Size2;

/**
 * Average pooling to a fixed output size whatever the input size, as PyTorch's
 * {@code nn.AdaptiveAvgPool2d}: input {@code [N, C, H, W]} or {@code [C, H, W]}, output
 * {@code [N, C, outH, outW]} (see {@link Pooling#adaptiveAvgPool2d}). No parameters.
 */
public final class AdaptiveAvgPool2d extends Module {
    private final Size2 outputSize;

    /** A square {@code outputSize x outputSize} output; 1 gives global average pooling. */
    public AdaptiveAvgPool2d(int outputSize) {
        this(Size2.of(outputSize));
    }

    /** An {@code outputSize.h() x outputSize.w()} output, each non-negative. */
    public AdaptiveAvgPool2d(Size2 outputSize) {
        this.outputSize = outputSize;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return Pooling.adaptiveAvgPool2d(x, outputSize);
    }

    /** As PyTorch: {@code output_size=1} or {@code output_size=(7, 5)}. */
    @Override
    protected String extraRepr() {
        return "output_size=" + outputSize.toCompactString();
    }
}
