package dev.nabla.autodiff.functional;

import java.util.Objects;

/**
 * The settings of a 2-D convolution besides its weight: stride, zero padding, dilation (spacing
 * between kernel taps) and groups, with PyTorch's defaults (1, 0, 1, 1). Immutable and always
 * valid: start from {@link #DEFAULT} and set what differs, each setter returning a copy, e.g.
 * {@code ConvOptions.DEFAULT.stride(2).padding(1)}.
 *
 * <p>Padding is a number of zeros on each side of each spatial axis, or as in PyTorch
 * {@code "valid"} (none) or {@code "same"} (the output as large as the input; stride 1 only). For
 * an even dilated kernel, "same" pads one more zero after than before, as PyTorch does.
 */
public final class ConvOptions {
    /** Stride 1, no padding, dilation 1, one group. */
    public static final ConvOptions DEFAULT = new ConvOptions(Size2.of(1), Size2.of(0), null, Size2.of(1), 1);

    private final Size2 stride;
    private final Size2 padding;
    /** {@code "same"}, {@code "valid"}, or null when the padding was given as numbers. */
    private final String paddingMode;
    private final Size2 dilation;
    private final int groups;

    private ConvOptions(Size2 stride, Size2 padding, String paddingMode, Size2 dilation, int groups) {
        if (stride.h() < 1 || stride.w() < 1) {
            throw new IllegalArgumentException("conv2d: non-positive stride is not supported, got stride=" + stride);
        }
        if (padding.h() < 0 || padding.w() < 0) {
            throw new IllegalArgumentException("conv2d: negative padding is not supported, got padding=" + padding);
        }
        if (dilation.h() < 1 || dilation.w() < 1) {
            throw new IllegalArgumentException("conv2d: non-positive dilation is not supported, got dilation="
                    + dilation);
        }
        if (groups < 1) {
            throw new IllegalArgumentException("conv2d: non-positive groups is not supported, got groups=" + groups);
        }
        if ("same".equals(paddingMode) && !stride.equals(Size2.of(1))) {
            throw new IllegalArgumentException("conv2d: padding='same' is not supported for strided convolutions,"
                    + " got stride=" + stride + "; give the padding as numbers");
        }
        this.stride = stride;
        this.padding = padding;
        this.paddingMode = paddingMode;
        this.dilation = dilation;
        this.groups = groups;
    }

    /** The same stride along height and width. */
    public ConvOptions stride(int both) {
        return stride(both, both);
    }

    /** The step between windows along height and width. */
    public ConvOptions stride(int h, int w) {
        return new ConvOptions(Size2.of(h, w), padding, paddingMode, dilation, groups);
    }

    /** {@code both} zeros on every side. */
    public ConvOptions padding(int both) {
        return padding(both, both);
    }

    /** {@code h} zeros above and below, {@code w} left and right. */
    public ConvOptions padding(int h, int w) {
        return new ConvOptions(stride, Size2.of(h, w), null, dilation, groups);
    }

    /**
     * PyTorch's padding strings: {@code "valid"} (no padding) or {@code "same"} (output size equal
     * to the input's, for stride 1).
     *
     * @throws IllegalArgumentException for another string, or "same" with a stride other than 1
     */
    public ConvOptions padding(String mode) {
        if (!"same".equals(mode) && !"valid".equals(mode)) {
            throw new IllegalArgumentException("conv2d: invalid padding string '" + mode
                    + "', should be one of {'valid', 'same'}");
        }
        return new ConvOptions(stride, Size2.of(0), mode, dilation, groups);
    }

    /** The same dilation along height and width. */
    public ConvOptions dilation(int both) {
        return dilation(both, both);
    }

    /** The spacing between kernel taps along height and width (1: adjacent). */
    public ConvOptions dilation(int h, int w) {
        return new ConvOptions(stride, padding, paddingMode, Size2.of(h, w), groups);
    }

    /**
     * Splits the input channels and the output channels into {@code groups} groups, each output
     * group seeing only its input group; both channel counts must be divisible by it.
     */
    public ConvOptions groups(int groups) {
        return new ConvOptions(stride, padding, paddingMode, dilation, groups);
    }

    public Size2 stride() {
        return stride;
    }

    public Size2 dilation() {
        return dilation;
    }

    public int groups() {
        return groups;
    }

    /** Zeros before (above, left of) the input for a kernel of {@code kernel} taps. */
    public Size2 paddingBefore(Size2 kernel) {
        if (!"same".equals(paddingMode)) {
            return padding;
        }
        return Size2.of(dilation.h() * (kernel.h() - 1) / 2, dilation.w() * (kernel.w() - 1) / 2);
    }

    /** Zeros after (below, right of) the input for a kernel of {@code kernel} taps. */
    public Size2 paddingAfter(Size2 kernel) {
        if (!"same".equals(paddingMode)) {
            return padding;
        }
        Size2 before = paddingBefore(kernel);
        return Size2.of(dilation.h() * (kernel.h() - 1) - before.h(), dilation.w() * (kernel.w() - 1) - before.w());
    }

    /**
     * The settings as PyTorch's {@code Conv2d} prints them: the stride always, the padding,
     * dilation and groups where they differ from the default, e.g.
     * {@code stride=(2, 2), padding=(1, 1)} or {@code stride=(1, 1), padding=same}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("stride=").append(stride);
        if (paddingMode != null) {
            s.append(", padding=").append(paddingMode);
        } else if (!padding.equals(Size2.of(0))) {
            s.append(", padding=").append(padding);
        }
        if (!dilation.equals(Size2.of(1))) {
            s.append(", dilation=").append(dilation);
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvOptions c && stride.equals(c.stride) && padding.equals(c.padding)
                && Objects.equals(paddingMode, c.paddingMode) && dilation.equals(c.dilation) && groups == c.groups;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stride, padding, paddingMode, dilation, groups);
    }
}
