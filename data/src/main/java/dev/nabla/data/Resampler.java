package dev.nabla.data;

/**
 * Resizes {@code [C, H, W]} float planes by {@link ResizeMethod}: a 1-D resampling of each row,
 * then of each column, each output value a weighted sum of a few consecutive inputs.
 */
final class Resampler {
    private Resampler() {
    }

    /**
     * {@code planes} resized to {@code [channels, outH, outW]}; the input is not modified.
     *
     * @param planes {@code [channels, inH, inW]}, row-major
     */
    static float[] resize(float[] planes, int channels, int inH, int inW, int outH, int outW, ResizeMethod method) {
        if (inH == outH && inW == outW) {
            return planes.clone();
        }
        Taps horizontal = Taps.of(inW, outW, method);
        Taps vertical = Taps.of(inH, outH, method);
        float[] rows = new float[channels * inH * outW];
        for (int r = 0; r < channels * inH; r++) {
            horizontal.apply(planes, r * inW, 1, rows, r * outW, 1);
        }
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int x = 0; x < outW; x++) {
                vertical.apply(rows, c * inH * outW + x, outW, out, c * outH * outW + x, outW);
            }
        }
        return out;
    }

    /**
     * For each output position, the first input position it reads and the weights of the
     * consecutive inputs from there.
     */
    private record Taps(int[] first, float[][] weights) {

        static Taps of(int in, int out, ResizeMethod method) {
            return method == ResizeMethod.BILINEAR ? bilinear(in, out) : area(in, out);
        }

        /** Half-pixel centres: output {@code o} samples input coordinate {@code (o + 0.5) * in / out - 0.5}. */
        private static Taps bilinear(int in, int out) {
            int[] first = new int[out];
            float[][] weights = new float[out][];
            double scale = (double) in / out;
            for (int o = 0; o < out; o++) {
                double src = Math.max((o + 0.5) * scale - 0.5, 0);
                int i0 = Math.min((int) src, in - 1);
                double frac = src - i0;
                if (i0 + 1 < in && frac > 0) {
                    first[o] = i0;
                    weights[o] = new float[] {(float) (1 - frac), (float) frac};
                } else {
                    first[o] = i0;
                    weights[o] = new float[] {1f};
                }
            }
            return new Taps(first, weights);
        }

        /** Output {@code o} averages input interval {@code [o * in / out, (o + 1) * in / out)}. */
        private static Taps area(int in, int out) {
            int[] first = new int[out];
            float[][] weights = new float[out][];
            double scale = (double) in / out;
            for (int o = 0; o < out; o++) {
                double lo = o * scale;
                double hi = (o + 1) * scale;
                int i0 = (int) Math.floor(lo);
                int i1 = Math.min((int) Math.ceil(hi), in);
                float[] w = new float[i1 - i0];
                for (int i = i0; i < i1; i++) {
                    w[i - i0] = (float) ((Math.min(hi, i + 1) - Math.max(lo, i)) / scale);
                }
                first[o] = i0;
                weights[o] = w;
            }
            return new Taps(first, weights);
        }

        /** Resamples one line read at {@code src[srcStart + k * srcStride]} into {@code dst}. */
        void apply(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
            for (int o = 0; o < first.length; o++) {
                float[] w = weights[o];
                int at = srcStart + first[o] * srcStride;
                float sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[at + k * srcStride];
                }
                dst[dstStart + o * dstStride] = sum;
            }
        }
    }
}
