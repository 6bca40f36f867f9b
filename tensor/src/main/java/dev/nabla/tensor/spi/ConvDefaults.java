package dev.nabla.tensor.spi;

import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;

/**
 * The default implementations of {@link Backend}'s convolution kernels, composed from its
 * primitives: im2col into columns {@code [N, C * KH * KW, OH * OW]}, then per group one batched
 * matrix product with the weight {@code [O / groups, C / groups * KH * KW]} (a sum over the batch
 * for the weight's gradient, col2im for the input's), and the bias added last. They define what
 * the kernels mean; a backend that overrides one is checked against these by the conformance
 * suite.
 */
public final class ConvDefaults {
    private ConvDefaults() {
    }

    /** See {@link Backend#conv2d}. */
    public static void conv2d(Backend b, Strided x, Strided weight, Strided bias, Window2d w, int groups,
                              Strided out) {
        Sizes s = new Sizes(x.shape(), weight.shape(), out.shape(), groups);
        Strided cols = columns(b, x, w, out.shape());
        Strided wm = contiguous(b, weight);
        Strided result = out.view().isContiguous() && bias == null ? out : Temporaries.like(b, out);
        for (int g = 0; g < groups; g++) {
            b.matmul(s.weightRows(wm, g, false), s.columnRows(cols, g, false), s.outputRows(result, g));
        }
        if (bias != null) {
            Shape os = out.shape();
            b.binary(BinaryOp.ADD, result, bias.with(View.of(os, new int[] {0, bias.view().stride(0), 0, 0},
                    bias.view().offset())), out);
        } else if (result != out) {
            b.copy(result, out);
        }
    }

    /** See {@link Backend#conv2dBackwardInput}. */
    public static void conv2dBackwardInput(Backend b, Strided gradOut, Strided weight, Window2d w, int groups,
                                           Strided gradIn) {
        Sizes s = new Sizes(gradIn.shape(), weight.shape(), gradOut.shape(), groups);
        Strided dy = contiguous(b, gradOut);
        Strided wm = contiguous(b, weight);
        Shape colShape = columnShape(gradIn.shape(), w, gradOut.shape());
        Strided cols = new Strided(b.allocate(gradIn.dtype(), colShape.numel()), View.contiguous(colShape));
        for (int g = 0; g < groups; g++) {
            b.matmul(s.weightRows(wm, g, true), s.outputRows(dy, g), s.columnRows(cols, g, false));
        }
        b.fill(gradIn, 0);
        b.col2im(cols, w, gradIn);
    }

    /** See {@link Backend#conv2dBackwardWeight}. */
    public static void conv2dBackwardWeight(Backend b, Strided x, Strided gradOut, Window2d w, int groups,
                                            Strided gradWeight, Strided gradBias) {
        Sizes s = new Sizes(x.shape(), gradWeight.shape(), gradOut.shape(), groups);
        Strided cols = columns(b, x, w, gradOut.shape());
        Strided dy = contiguous(b, gradOut);
        Strided result = gradWeight.view().isContiguous() ? gradWeight : Temporaries.like(b, gradWeight);
        Shape perImage = Shape.of(s.n, s.groupOut, s.patch);
        for (int g = 0; g < groups; g++) {
            Strided products = new Strided(b.allocate(x.dtype(), perImage.numel()), View.contiguous(perImage));
            b.matmul(s.outputRows(dy, g), s.columnRows(cols, g, true), products);
            b.reduce(ReduceOp.SUM, products, result.with(View.of(Shape.of(1, s.groupOut, s.patch),
                    new int[] {0, s.patch, 1}, result.view().offset() + g * s.groupOut * s.patch)));
        }
        if (result != gradWeight) {
            b.copy(result, gradWeight);
        }
        if (gradBias != null) {
            b.reduce(ReduceOp.SUM, gradOut, gradBias.with(View.of(Shape.of(1, s.outChannels, 1, 1),
                    new int[] {0, gradBias.view().stride(0), 0, 0}, gradBias.view().offset())));
        }
    }

    /**
     * The sizes of one convolution and its operands seen as batched matrices per group, all on
     * contiguous buffers: weight {@code [O, patch]}, columns {@code [N, groups * patch, L]},
     * output {@code [N, O, L]}.
     */
    private static final class Sizes {
        final int n;
        final int outChannels;
        final int groupOut;
        final int patch;
        final int positions;
        final int groups;

        Sizes(Shape input, Shape weight, Shape output, int groups) {
            this.n = input.dim(0);
            this.outChannels = weight.dim(0);
            this.groupOut = outChannels / groups;
            this.patch = weight.dim(1) * weight.dim(2) * weight.dim(3);
            this.positions = output.dim(2) * output.dim(3);
            this.groups = groups;
        }

        /** Group {@code g}'s weight {@code [N (broadcast), O / groups, patch]}, or its transpose. */
        Strided weightRows(Strided w, int g, boolean transposed) {
            int off = w.view().offset() + g * groupOut * patch;
            return w.with(transposed ? View.of(Shape.of(n, patch, groupOut), new int[] {0, 1, patch}, off)
                    : View.of(Shape.of(n, groupOut, patch), new int[] {0, patch, 1}, off));
        }

        /** Group {@code g}'s columns {@code [N, patch, L]}, or their transpose. */
        Strided columnRows(Strided cols, int g, boolean transposed) {
            int batch = groups * patch * positions;
            int off = g * patch * positions;
            return cols.with(transposed ? View.of(Shape.of(n, positions, patch), new int[] {batch, 1, positions}, off)
                    : View.of(Shape.of(n, patch, positions), new int[] {batch, positions, 1}, off));
        }

        /** Group {@code g}'s output channels {@code [N, O / groups, L]} of a contiguous {@code [N, O, OH, OW]}. */
        Strided outputRows(Strided out, int g) {
            return out.with(View.of(Shape.of(n, groupOut, positions), new int[] {outChannels * positions, positions, 1},
                    out.view().offset() + g * groupOut * positions));
        }
    }

    /** The columns {@code [N, C, KH, KW, OH, OW]} of {@code x}, unfolded by {@link Backend#im2col}. */
    private static Strided columns(Backend b, Strided x, Window2d w, Shape output) {
        Shape shape = columnShape(x.shape(), w, output);
        Strided cols = new Strided(b.allocate(x.dtype(), shape.numel()), View.contiguous(shape));
        b.im2col(x, w, cols);
        return cols;
    }

    private static Shape columnShape(Shape input, Window2d w, Shape output) {
        return Shape.of(input.dim(0), input.dim(1), w.kernelH(), w.kernelW(), output.dim(2), output.dim(3));
    }

    private static Strided contiguous(Backend b, Strided s) {
        if (s.view().isContiguous()) {
            return s;
        }
        Strided copy = Temporaries.like(b, s);
        b.copy(s, copy);
        return copy;
    }
}
