package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.Pooling;
import dev.nabla.autodiff.functional.Size2;

/**
 * 2-D max pooling, as PyTorch's {@code nn.MaxPool2d}: input {@code [N, C, H, W]} or {@code [C, H, W]},
 * output {@code [N, C, OH, OW]} (see {@link Pooling#maxPool2d(Tensor, Size2, Size2, Size2, Size2, boolean)}).
 * No parameters. The settings are checked, as in PyTorch, when the layer is called.
 */
public final class MaxPool2d extends Module {
    private final Size2 kernelSize;
    private final Size2 stride;
    private final Size2 padding;
    private final Size2 dilation;
    private final boolean ceilMode;

    /** Non-overlapping square windows: stride equal to the kernel size. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** Square windows {@code stride} apart, no padding. */
    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /** Square windows with {@code padding} on every side, at most half the kernel size. */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(Size2.of(kernelSize), Size2.of(stride), Size2.of(padding), Size2.of(1), false);
    }

    /**
     * @param ceilMode round the output size up instead of down
     */
    public MaxPool2d(Size2 kernelSize, Size2 stride, Size2 padding, Size2 dilation, boolean ceilMode) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return Pooling.maxPool2d(x, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** As PyTorch: {@code kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False}. */
    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernelSize.toCompactString() + ", stride=" + stride.toCompactString() + ", padding="
                + padding.toCompactString() + ", dilation=" + dilation.toCompactString() + ", ceil_mode="
                + (ceilMode ? "True" : "False");
    }
}
