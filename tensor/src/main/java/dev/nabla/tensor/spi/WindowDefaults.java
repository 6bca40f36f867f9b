package dev.nabla.tensor.spi;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The default implementations of {@link Backend}'s window kernels, composed from its primitives:
 * one strided copy (or add) per kernel tap, then a reduction. They define what the kernels mean;
 * a backend that overrides one is checked against these by the conformance suite.
 */
public final class WindowDefaults {
    private WindowDefaults() {
    }

    /** See {@link Backend#im2col}. */
    public static void im2col(Backend backend, Strided x, Window2d w, Strided out) {
        unfold(backend, x, w, 0, out);
    }

    /** See {@link Backend#col2im}. */
    public static void col2im(Backend backend, Strided cols, Window2d w, Strided out) {
        Shape cs = cols.shape();
        int outH = cs.dim(4);
        int outW = cs.dim(5);
        for (int kh = 0; kh < w.kernelH(); kh++) {
            Window2d.Span rows = w.rows(kh, out.shape().dim(2), outH);
            for (int kw = 0; kw < w.kernelW(); kw++) {
                Window2d.Span columns = w.cols(kw, out.shape().dim(3), outW);
                if (rows.count() == 0 || columns.count() == 0) {
                    continue;
                }
                Strided target = out.with(inputTaps(out.view(), w, rows, columns));
                Strided before = contiguousCopy(backend, target);
                backend.binary(BinaryOp.ADD, before, cols.with(outputTaps(cols.view(), kh, kw, rows, columns)), target);
            }
        }
    }

    /**
     * See {@link Backend#maxPool2d}: the maximum and argmax of the windows, padded with -infinity;
     * where nothing beats -infinity, the tap is the window's first inside the input
     * ({@link #firstInsideTaps}) rather than argmax's first, which may be padding.
     */
    public static void maxPool2d(Backend backend, Strided x, Window2d w, Strided out, Strided argmax) {
        Shape os = out.shape();
        Strided cols = windows(backend, x, w, os, Double.NEGATIVE_INFINITY);
        backend.reduce(ReduceOp.MAX, cols, out.with(withTapAxis(out.view())));
        Strided taps = Temporaries.like(backend, out);
        backend.argReduce(ArgReduceOp.ARGMAX, cols, 2, taps.with(withTapAxis(taps.view())));
        Strided allNegative = Temporaries.like(backend, out);
        backend.binary(BinaryOp.EQ, out, Temporaries.constant(backend, out, Double.NEGATIVE_INFINITY), allNegative);
        Buffer first = backend.allocate(out.dtype(), os.dim(2) * os.dim(3));
        backend.write(first, firstInsideTaps(w, x.shape().dim(2), x.shape().dim(3), os.dim(2), os.dim(3)));
        Strided chosen = Temporaries.like(backend, out);
        backend.where(allNegative, new Strided(first, View.of(os, new int[] {0, 0, os.dim(3), 1}, 0)), taps, chosen);
        backend.copy(chosen, argmax);
    }

    /**
     * The tap {@code kh * KW + kw} max pooling keeps where no element of a window beats -infinity:
     * the window's first tap inside the input, as PyTorch's, so padding never wins. Row-major
     * {@code [outH, outW]}; 0 for a window wholly in the padding.
     */
    public static double[] firstInsideTaps(Window2d w, int inH, int inW, int outH, int outW) {
        int[] rows = firstInside(outH, w.kernelH(), kh -> w.rows(kh, inH, outH));
        int[] columns = firstInside(outW, w.kernelW(), kw -> w.cols(kw, inW, outW));
        double[] taps = new double[outH * outW];
        for (int oh = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++) {
                taps[oh * outW + ow] = rows[oh] * w.kernelW() + columns[ow];
            }
        }
        return taps;
    }

    /** For each of {@code out} output positions along one axis, the first of {@code kernel} taps inside the input. */
    private static int[] firstInside(int out, int kernel, IntFunction<Window2d.Span> span) {
        int[] first = new int[out];
        for (int k = kernel - 1; k >= 0; k--) {
            Window2d.Span s = span.apply(k);
            Arrays.fill(first, s.first(), s.first() + s.count(), k);
        }
        return first;
    }

    /**
     * See {@link Backend#maxPool2dBackward}: the gradient scattered into the winning taps of zero
     * columns {@code [N, C, KH * KW, OH, OW]}, folded back with col2im.
     */
    public static void maxPool2dBackward(Backend backend, Strided grad, Strided argmax, Window2d w, Strided gradIn) {
        Shape gs = grad.shape();
        Shape cols = Shape.of(gs.dim(0), gs.dim(1), w.taps(), gs.dim(2), gs.dim(3));
        Strided scattered = new Strided(backend.allocate(grad.dtype(), cols.numel()), View.contiguous(cols));
        backend.scatterAdd(grad.with(withTapAxis(grad.view())), 2, argmax.with(withTapAxis(argmax.view())), scattered);
        backend.col2im(scattered.with(View.contiguous(Shape.of(gs.dim(0), gs.dim(1), w.kernelH(), w.kernelW(),
                gs.dim(2), gs.dim(3)))), w, gradIn);
    }

    /** See {@link Backend#avgPool2d}. */
    public static void avgPool2d(Backend backend, Strided x, Window2d w, boolean countIncludePad, Strided out) {
        Shape os = out.shape();
        Strided cols = windows(backend, x, w, os, 0);
        Shape sumShape = Shape.of(os.dim(0), os.dim(1), 1, os.dim(2), os.dim(3));
        Strided sums = new Strided(backend.allocate(out.dtype(), sumShape.numel()), View.contiguous(sumShape));
        backend.reduce(ReduceOp.SUM, cols, sums);
        double[] divisors = poolDivisors(w, x.shape().dim(2), x.shape().dim(3), os.dim(2), os.dim(3), countIncludePad);
        Buffer d = backend.allocate(out.dtype(), divisors.length);
        backend.write(d, divisors);
        View perPosition = View.of(os, new int[] {0, 0, os.dim(3), 1}, 0);
        backend.binary(BinaryOp.DIV, sums.with(View.contiguous(os)), new Strided(d, perPosition), out);
    }

    /**
     * PyTorch's average-pooling divisor of every output position, row-major {@code [outH, outW]}:
     * the window's area clipped to the padded input, or with {@code countIncludePad} false to the
     * input itself. Average pooling has no dilation.
     */
    public static double[] poolDivisors(Window2d w, int inH, int inW, int outH, int outW, boolean countIncludePad) {
        double[] out = new double[outH * outW];
        for (int oh = 0; oh < outH; oh++) {
            int h0 = oh * w.strideH() - w.padH();
            int h1 = Math.min(h0 + w.kernelH(), inH + w.padH());
            int rows = countIncludePad ? h1 - h0 : Math.min(h1, inH) - Math.max(h0, 0);
            for (int ow = 0; ow < outW; ow++) {
                int w0 = ow * w.strideW() - w.padW();
                int w1 = Math.min(w0 + w.kernelW(), inW + w.padW());
                int columns = countIncludePad ? w1 - w0 : Math.min(w1, inW) - Math.max(w0, 0);
                out[oh * outW + ow] = (double) rows * columns;
            }
        }
        return out;
    }

    /** A contiguous {@code [N, C, KH*KW, OH, OW]} scratch of every window of {@code x}, {@code pad} outside it. */
    private static Strided windows(Backend backend, Strided x, Window2d w, Shape outShape, double pad) {
        Shape cols = Shape.of(outShape.dim(0), outShape.dim(1), w.kernelH(), w.kernelW(), outShape.dim(2),
                outShape.dim(3));
        Strided scratch = new Strided(backend.allocate(x.dtype(), cols.numel()), View.contiguous(cols));
        unfold(backend, x, w, pad, scratch);
        return scratch.with(View.contiguous(Shape.of(outShape.dim(0), outShape.dim(1), w.taps(), outShape.dim(2),
                outShape.dim(3))));
    }

    /** Fills {@code out [N, C, KH, KW, OH, OW]} with the taps of {@code x}, {@code pad} where they fall outside. */
    private static void unfold(Backend backend, Strided x, Window2d w, double pad, Strided out) {
        backend.fill(out, pad);
        Shape os = out.shape();
        for (int kh = 0; kh < w.kernelH(); kh++) {
            Window2d.Span rows = w.rows(kh, x.shape().dim(2), os.dim(4));
            for (int kw = 0; kw < w.kernelW(); kw++) {
                Window2d.Span columns = w.cols(kw, x.shape().dim(3), os.dim(5));
                if (rows.count() > 0 && columns.count() > 0) {
                    backend.copy(x.with(inputTaps(x.view(), w, rows, columns)),
                            out.with(outputTaps(out.view(), kh, kw, rows, columns)));
                }
            }
        }
    }

    /** The input elements {@code [N, C, rows, columns]} one tap reads, stepping by the stride. */
    private static View inputTaps(View x, Window2d w, Window2d.Span rows, Window2d.Span columns) {
        Shape shape = Shape.of(x.shape().dim(0), x.shape().dim(1), rows.count(), columns.count());
        int[] strides = {x.stride(0), x.stride(1), x.stride(2) * w.strideH(), x.stride(3) * w.strideW()};
        int offset = x.offset() + rows.inputStart() * x.stride(2) + columns.inputStart() * x.stride(3);
        return View.of(shape, strides, offset);
    }

    /** The elements {@code [N, C, rows, columns]} of tap {@code (kh, kw)} in a {@code [N, C, KH, KW, OH, OW]} view. */
    private static View outputTaps(View cols, int kh, int kw, Window2d.Span rows, Window2d.Span columns) {
        Shape shape = Shape.of(cols.shape().dim(0), cols.shape().dim(1), rows.count(), columns.count());
        int[] strides = {cols.stride(0), cols.stride(1), cols.stride(4), cols.stride(5)};
        int offset = cols.offset() + kh * cols.stride(2) + kw * cols.stride(3) + rows.first() * cols.stride(4)
                + columns.first() * cols.stride(5);
        return View.of(shape, strides, offset);
    }

    /** {@code [N, C, OH, OW]} seen as {@code [N, C, 1, OH, OW]}, the shape of a reduction over the tap axis. */
    private static View withTapAxis(View v) {
        Shape s = v.shape();
        return View.of(Shape.of(s.dim(0), s.dim(1), 1, s.dim(2), s.dim(3)),
                new int[] {v.stride(0), v.stride(1), 0, v.stride(2), v.stride(3)}, v.offset());
    }

    private static Strided contiguousCopy(Backend backend, Strided src) {
        Strided copy = new Strided(backend.allocate(src.dtype(), src.shape().numel()), View.contiguous(src.shape()));
        backend.copy(src, copy);
        return copy;
    }
}
