package dev.nabla.tensor.spi;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import java.util.Arrays;

/**
 * The default implementations of {@link Backend}'s batch-normalization kernels, composed from its
 * primitives one elementwise pass or reduction at a time: the statistics as a mean and the mean
 * of squared deviations, the output as {@code (x - mean) / sqrt(var + eps) * weight + bias}, and
 * the input's gradient as {@code weight / sqrt(var + eps) * (dy - mean(dy) - xhat * mean(dy * xhat))}
 * with {@code xhat} the normalized input. They define what the kernels mean; a backend that
 * overrides one is checked against these by the conformance suite.
 */
public final class BatchNormDefaults {
    private BatchNormDefaults() {
    }

    /** See {@link Backend#batchNorm}. */
    public static void batchNorm(Backend b, Strided x, Strided weight, Strided bias, double eps, Strided out,
                                 Strided mean, Strided var) {
        Channels ch = new Channels(b, x);
        b.binary(BinaryOp.DIV, ch.sum(x), ch.constant(ch.count), mean);
        Strided centered = ch.temporary(x.shape());
        b.binary(BinaryOp.SUB, x, ch.along(mean), centered);
        Strided squares = ch.temporary(x.shape());
        b.binary(BinaryOp.MUL, centered, centered, squares);
        b.binary(BinaryOp.DIV, ch.sum(squares), ch.constant(ch.count), var);
        Strided normalized = weight == null && bias == null ? out : ch.temporary(x.shape());
        b.binary(BinaryOp.DIV, centered, ch.along(ch.std(var, eps)), normalized);
        if (weight != null) {
            Strided scaled = bias == null ? out : ch.temporary(x.shape());
            b.binary(BinaryOp.MUL, normalized, ch.along(weight), scaled);
            normalized = scaled;
        }
        if (bias != null) {
            b.binary(BinaryOp.ADD, normalized, ch.along(bias), out);
        }
    }

    /** See {@link Backend#batchNormBackward}. */
    public static void batchNormBackward(Backend b, Strided gradOut, Strided x, Strided mean, Strided var,
                                         Strided weight, double eps, Strided gradIn, Strided gradWeight,
                                         Strided gradBias) {
        Channels ch = new Channels(b, x);
        Strided std = ch.std(var, eps);
        Strided xhat = ch.temporary(x.shape());
        Strided centered = ch.temporary(x.shape());
        b.binary(BinaryOp.SUB, x, ch.along(mean), centered);
        b.binary(BinaryOp.DIV, centered, ch.along(std), xhat);
        Strided products = ch.temporary(x.shape());
        b.binary(BinaryOp.MUL, gradOut, xhat, products);
        Strided sumDy = ch.sum(gradOut);
        Strided sumDyXhat = ch.sum(products);
        if (gradBias != null) {
            b.copy(sumDy, gradBias);
        }
        if (gradWeight != null) {
            b.copy(sumDyXhat, gradWeight);
        }
        if (gradIn == null) {
            return;
        }
        Strided meanDy = ch.temporary(Shape.of(ch.channels));
        b.binary(BinaryOp.DIV, sumDy, ch.constant(ch.count), meanDy);
        Strided meanDyXhat = ch.temporary(Shape.of(ch.channels));
        b.binary(BinaryOp.DIV, sumDyXhat, ch.constant(ch.count), meanDyXhat);
        Strided shifted = ch.temporary(x.shape());
        b.binary(BinaryOp.SUB, gradOut, ch.along(meanDy), shifted);
        Strided correction = ch.temporary(x.shape());
        b.binary(BinaryOp.MUL, xhat, ch.along(meanDyXhat), correction);
        Strided projected = ch.temporary(x.shape());
        b.binary(BinaryOp.SUB, shifted, correction, projected);
        if (weight == null) {
            b.binary(BinaryOp.DIV, projected, ch.along(std), gradIn);
            return;
        }
        Strided scale = ch.temporary(Shape.of(ch.channels));
        b.binary(BinaryOp.DIV, weight, std, scale);
        b.binary(BinaryOp.MUL, projected, ch.along(scale), gradIn);
    }

    /** Per-channel helpers for an input {@code [N, C, ...]}: temporaries, sums, broadcast views. */
    private static final class Channels {
        final Backend b;
        final DType dtype;
        final Shape shape;
        final int channels;
        final double count;

        Channels(Backend b, Strided x) {
            this.b = b;
            this.dtype = x.dtype();
            this.shape = x.shape();
            this.channels = shape.dim(1);
            this.count = channels == 0 ? 0 : (double) shape.numel() / channels;
        }

        Strided temporary(Shape s) {
            return new Strided(b.allocate(dtype, s.numel()), View.contiguous(s));
        }

        /** A {@code [C]} operand seen as {@code [N, C, ...]}, repeated along every other axis. */
        Strided along(Strided perChannel) {
            int[] strides = new int[shape.rank()];
            strides[1] = perChannel.view().stride(0);
            return perChannel.with(View.of(shape, strides, perChannel.view().offset()));
        }

        /** The {@code [C]} sums of {@code t} (of the input's shape) over every axis but 1. */
        Strided sum(Strided t) {
            int[] kept = new int[shape.rank()];
            Arrays.fill(kept, 1);
            kept[1] = channels;
            Strided sums = temporary(Shape.of(channels));
            b.reduce(ReduceOp.SUM, t, sums.with(View.contiguous(Shape.of(kept))));
            return sums;
        }

        /** {@code value} as a {@code [C]} operand. */
        Strided constant(double value) {
            Strided c = temporary(Shape.scalar());
            b.fill(c, value);
            return c.with(View.of(Shape.of(channels), new int[] {0}, 0));
        }

        /** {@code sqrt(var + eps)}, {@code [C]}. */
        Strided std(Strided var, double eps) {
            Strided shifted = temporary(Shape.of(channels));
            b.binary(BinaryOp.ADD, var, constant(eps), shifted);
            Strided std = temporary(Shape.of(channels));
            b.unary(UnaryOp.SQRT, shifted, std);
            return std;
        }
    }
}
