package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/** Test inputs and plain-loop definitions of convolution and pooling, written from the formulas. */
final class Windows {
    private Windows() {
    }

    /** Standard normal F64 values on the reference device. */
    static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    /** A leaf requiring grad whose values are a shuffled 0.1-spaced ladder: no two are equal, so maxima never tie. */
    static Tensor distinct(long seed, int... dims) {
        Tensor order = Tensor.randperm(new Rng(seed), Shape.of(dims).numel(), DType.F64, Device.REFERENCE);
        return order.mul(0.1).sub(1).reshape(dims).contiguous().detach().requiresGrad(true);
    }

    /** {@code x[n, c, h, w]} of a row-major {@code [N, C, H, W]} array, 0 outside. */
    private static double at(double[] x, Shape s, int n, int c, int h, int w) {
        if (h < 0 || w < 0 || h >= s.dim(2) || w >= s.dim(3)) {
            return 0;
        }
        return x[((n * s.dim(1) + c) * s.dim(2) + h) * s.dim(3) + w];
    }

    /** Direct convolution of {@code x [N, C, H, W]} with {@code weight [O, C/g, KH, KW]}, explicit padding. */
    static double[] conv2d(Tensor x, Tensor weight, double[] bias, int[] stride, int[] pad, int[] dil, int groups,
                           int outH, int outW) {
        Shape s = x.shape();
        Shape ws = weight.shape();
        double[] xv = x.toDoubleArray();
        double[] wv = weight.toDoubleArray();
        int out = ws.dim(0);
        int perGroup = ws.dim(1);
        double[] y = new double[s.dim(0) * out * outH * outW];
        int i = 0;
        for (int n = 0; n < s.dim(0); n++) {
            for (int o = 0; o < out; o++) {
                int group = o / (out / groups);
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int c = 0; c < perGroup; c++) {
                            for (int kh = 0; kh < ws.dim(2); kh++) {
                                for (int kw = 0; kw < ws.dim(3); kw++) {
                                    sum += wv[((o * perGroup + c) * ws.dim(2) + kh) * ws.dim(3) + kw]
                                            * at(xv, s, n, group * perGroup + c, oh * stride[0] - pad[0] + kh * dil[0],
                                            ow * stride[1] - pad[1] + kw * dil[1]);
                                }
                            }
                        }
                        y[i++] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * Max (or, with {@code max} false, sum) over each window of {@code x [N, C, H, W]}, skipping
     * positions outside the input; {@code [N, C, outH, outW]} row-major.
     */
    static double[] pool(Tensor x, boolean max, int[] kernel, int[] stride, int[] pad, int[] dil, int outH, int outW) {
        Shape s = x.shape();
        double[] xv = x.toDoubleArray();
        double[] y = new double[s.dim(0) * s.dim(1) * outH * outW];
        int i = 0;
        for (int nc = 0; nc < s.dim(0) * s.dim(1); nc++) {
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int kh = 0; kh < kernel[0]; kh++) {
                        for (int kw = 0; kw < kernel[1]; kw++) {
                            int h = oh * stride[0] - pad[0] + kh * dil[0];
                            int w = ow * stride[1] - pad[1] + kw * dil[1];
                            if (h >= 0 && w >= 0 && h < s.dim(2) && w < s.dim(3)) {
                                double v = at(xv, s, nc / s.dim(1), nc % s.dim(1), h, w);
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        }
                    }
                    y[i++] = acc;
                }
            }
        }
        return y;
    }
}
