package dev.nabla.simd.window;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Window2d;

/**
 * {@link Backend#maxPool2dBackward} for F32 gradients and taps: each input plane is zeroed and
 * each output's gradient added at the input position of its tap, with no scratch. Where windows
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

    /** Overwrites {@code gradIn [N, C, H, W]} from {@code grad} and {@code argmax [N, C, OH, OW]}; any strides. */
    public static void run(Strided grad, Strided argmax, Window2d w, Strided gradIn) {
        View gv = grad.view();
        View av = argmax.view();
        View dv = gradIn.view();
        float[] g = f32(grad);
        float[] a = f32(argmax);
        float[] d = f32(gradIn);
        int outH = gv.shape().dim(2);
        int outW = gv.shape().dim(3);
        int inH = dv.shape().dim(2);
        int inW = dv.shape().dim(3);
        boolean overlap = w.strideH() < w.dilationH() * (w.kernelH() - 1) + 1
                || w.strideW() < w.dilationW() * (w.kernelW() - 1) + 1;
        int passes = overlap ? w.taps() : 1;
        int[] tapRow = new int[w.taps()];
        int[] tapCol = new int[w.taps()];
        for (int t = 0; t < w.taps(); t++) {
            tapRow[t] = t / w.kernelW() * w.dilationH() - w.padH();
            tapCol[t] = t % w.kernelW() * w.dilationW() - w.padW();
        }
        Planes.forEach(dv.shape().dim(0) * dv.shape().dim(1), (long) inH * inW + (long) passes * outH * outW,
                (from, to) -> {
                    for (int p = from; p < to; p++) {
                        int gBase = Planes.offset(gv, p);
                        int aBase = Planes.offset(av, p);
                        int dBase = Planes.offset(dv, p);
                        for (int ih = 0; ih < inH; ih++) {
                            FloatRowOps.INSTANCE.fill(d, dBase + ih * dv.stride(2), dv.stride(3), inW, 0);
                        }
                        for (int pass = 0; pass < passes; pass++) {
                            for (int oh = 0; oh < outH; oh++) {
                                for (int ow = 0; ow < outW; ow++) {
                                    int tap = (int) a[aBase + oh * av.stride(2) + ow * av.stride(3)];
                                    if (overlap && tap != pass) {
                                        continue;
                                    }
                                    int ih = oh * w.strideH() + tapRow[tap];
                                    int iw = ow * w.strideW() + tapCol[tap];
                                    if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) {
                                        d[dBase + ih * dv.stride(2) + iw * dv.stride(3)] +=
                                                g[gBase + oh * gv.stride(2) + ow * gv.stride(3)];
                                    }
                                }
                            }
                        }
                    }
                });
    }

    private static float[] f32(Strided s) {
        return ((HostBuffer.F32) s.buffer()).data();
    }
}
