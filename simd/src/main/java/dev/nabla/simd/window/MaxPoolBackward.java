package dev.nabla.simd.window;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;

/**
 * {@link Backend#maxPool2dBackward} for F32 gradients and taps: each output's gradient is added
 * at the input position of its tap, with no scratch. Where windows
 * overlap, the planes take the taps in order, one pass per tap, so every input position adds its
 * gradients in the order of the default composition (scatter into the taps, then col2im) and the
 * sums are the same bits.
 */
public final class MaxPoolBackward {
    private MaxPoolBackward() {
    }

    /** Whether {@link #run} takes these operands: F32 gradient, taps and result. */
    public static boolean supports(Strided grad, Strided argmax, Strided gradIn) {
        return grad.dtype() == DType.F32 && argmax.dtype() == DType.F32 && gradIn.dtype() == DType.F32;
    }

    /** Adds into {@code gradIn [N, C, H, W]} from {@code grad} and {@code argmax [N, C, OH, OW]}; any strides. */
    public static void run(Strided grad, Strided argmax, Window2d w, Strided gradIn) {
        View gv = grad.view();
        View av = argmax.view();
        View dv = gradIn.view();
        int outH = gv.shape().dim(2);
        int outW = gv.shape().dim(3);
        boolean overlap = w.strideH() < w.dilationH() * (w.kernelH() - 1) + 1
                || w.strideW() < w.dilationW() * (w.kernelW() - 1) + 1;
        int passes = overlap ? w.taps() : 1;
        int[] tapRow = new int[w.taps()];
        int[] tapCol = new int[w.taps()];
        for (int t = 0; t < w.taps(); t++) {
            tapRow[t] = t / w.kernelW() * w.dilationH() - w.padH();
            tapCol[t] = t % w.kernelW() * w.dilationW() - w.padW();
        }
        Planes.forEach(dv.shape().dim(0) * dv.shape().dim(1), (long) passes * outH * outW, (from, to) -> {
            for (int p = from; p < to; p++) {
                for (int pass = 0; pass < passes; pass++) {
                    plane(f32(grad), Planes.offset(gv, p), gv, f32(argmax), Planes.offset(av, p), av, w, tapRow,
                            tapCol, overlap ? pass : -1, f32(gradIn), Planes.offset(dv, p), dv);
                }
            }
        });
    }

    /**
     * One plane: every output whose tap is {@code onlyTap} (every output for -1) adds its gradient
     * at its tap's input position, {@code tapRow[t] + oh * strideH}, {@code tapCol[t] + ow * strideW}.
     */
    private static void plane(float[] g, int gBase, View gv, float[] a, int aBase, View av, Window2d w, int[] tapRow,
                              int[] tapCol, int onlyTap, float[] d, int dBase, View dv) {
        int outH = gv.shape().dim(2);
        int outW = gv.shape().dim(3);
        int inH = dv.shape().dim(2);
        int inW = dv.shape().dim(3);
        int gs2 = gv.stride(2);
        int gs3 = gv.stride(3);
        int as2 = av.stride(2);
        int as3 = av.stride(3);
        int ds2 = dv.stride(2);
        int ds3 = dv.stride(3);
        int sh = w.strideH();
        int sw = w.strideW();
        for (int oh = 0; oh < outH; oh++) {
            int gRow = gBase + oh * gs2;
            int aRow = aBase + oh * as2;
            for (int ow = 0; ow < outW; ow++) {
                int tap = (int) a[aRow + ow * as3];
                if (onlyTap >= 0 && tap != onlyTap) {
                    continue;
                }
                int ih = oh * sh + tapRow[tap];
                int iw = ow * sw + tapCol[tap];
                if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) {
                    d[dBase + ih * ds2 + iw * ds3] += g[gRow + ow * gs3];
                }
            }
        }
    }

    private static float[] f32(Strided s) {
        return ((HostBuffer.F32) s.buffer()).data();
    }
}
