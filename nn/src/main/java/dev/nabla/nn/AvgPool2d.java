package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.Pooling;
import dev.nabla.autodiff.functional.Size2;

/**
 * 2-D average pooling, as PyTorch's {@code nn.AvgPool2d}: input {@code [N, C, H, W]} or
 * {@code [C, H, W]}, output {@code [N, C, OH, OW]} (see
 * {@link Pooling#avgPool2d(Tensor, Size2, Size2, Size2, boolean, boolean)}). No parameters. The
 * settings are checked, as in PyTorch, when the layer is called.
 */
public final class AvgPool2d extends Module {
    private final Size2 kernelSize;
    private final Size2 stride;
    private final Size2 padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /** Non-overlapping square windows: stride equal to the kernel size. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** Square windows {@code stride} apart, no padding. */
    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /** Square windows with {@code padding} zeros on every side, counted in the divisor. */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(Size2.of(kernelSize), Size2.of(stride), Size2.of(padding), false, true);
    }

    /**
     * @param ceilMode        round the output size up instead of down
     * @param countIncludePad count padding zeros in each window's divisor
     */
    public AvgPool2d(Size2 kernelSize, Size2 stride, Size2 padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return Pooling.avgPool2d(x, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /** As PyTorch: {@code kernel_size=2, stride=2, padding=0}. */
    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernelSize.toCompactString() + ", stride=" + stride.toCompactString() + ", padding="
                + padding.toCompactString();
    }
}
