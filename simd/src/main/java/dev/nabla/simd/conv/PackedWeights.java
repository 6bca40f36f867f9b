package dev.nabla.simd.conv;

import dev.nabla.tensor.View;

/**
 * A weight {@code [O, C / groups, KH, KW]} rearranged for {@link DirectConv}: per group, per block
 * of {@link DirectConv#ROWS} output planes, per tap {@code (input plane, kh, kw)}, the
 * {@code ROWS} weights of that tap, zero for rows past the last plane. The kernel then reads one
 * tap's weights from consecutive elements.
 */
final class PackedWeights {
    private PackedWeights() {
    }

    /** For the forward convolution: outputs are the O channels, inputs the C / groups. */
    static float[] forward(float[] w, View v, int groups) {
        return pack(w, v, groups, false);
    }

    /**
     * For the input's gradient, a convolution of the output gradient with the weight transposed
     * and flipped: outputs are the C / groups channels, inputs the O / groups, and tap
     * {@code (kh, kw)} holds the weight's {@code (KH-1-kh, KW-1-kw)}.
     */
    static float[] backwardInput(float[] w, View v, int groups) {
        return pack(w, v, groups, true);
    }

    /**
     * The bias {@code [groups * outs]} (any stride; null for none, read as zeros) laid out per
     * group, per block of {@link DirectConv#ROWS} output planes, zero for rows past the last plane.
     */
    static float[] bias(float[] b, View v, int groups, int outs) {
        int rows = DirectConv.ROWS;
        float[] packed = new float[groups * blocks(outs) * rows];
        for (int g = 0; b != null && g < groups; g++) {
            for (int o = 0; o < outs; o++) {
                packed[(g * blocks(outs) + o / rows) * rows + o % rows] = b[v.offset() + (g * outs + o) * v.stride(0)];
            }
        }
        return packed;
    }

    /** Number of row blocks for {@code planes} output planes. */
    static int blocks(int planes) {
        return (planes + DirectConv.ROWS - 1) / DirectConv.ROWS;
    }

    private static float[] pack(float[] w, View v, int groups, boolean transposed) {
        int groupOut = v.shape().dim(0) / groups;
        int groupIn = v.shape().dim(1);
        int kh = v.shape().dim(2);
        int kw = v.shape().dim(3);
        int outs = transposed ? groupIn : groupOut;
        int ins = transposed ? groupOut : groupIn;
        int rows = DirectConv.ROWS;
        int taps = ins * kh * kw;
        float[] packed = new float[groups * blocks(outs) * taps * rows];
        int i = 0;
        for (int g = 0; g < groups; g++) {
            for (int b = 0; b < blocks(outs); b++) {
                for (int in = 0; in < ins; in++) {
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            for (int r = 0; r < rows; r++, i++) {
                                int out = b * rows + r;
                                if (out < outs) {
                                    packed[i] = transposed
                                            ? w[Views.at(v, g * groupOut + in, out, kh - 1 - y, kw - 1 - x)]
                                            : w[Views.at(v, g * groupOut + out, in, y, x)];
                                }
                            }
                        }
                    }
                }
            }
        }
        return packed;
    }
}
