package dev.nabla.simd.norm;

import dev.nabla.simd.SimdConfig;
import dev.nabla.simd.ThreadPool;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Strided;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD backend's batch normalization ({@link dev.nabla.tensor.spi.Backend#batchNorm} and its
 * backward) for F32 activations laid out contiguously: per channel, the {@code N} runs of
 * {@code H * W} (or whatever follows the channel axis) elements are read with vectors. The
 * forward reads the input twice for the statistics (the mean, then the squared deviations from
 * it, as the default composition does) and once more to write the output; the backward reads the
 * output gradient and the input once for both of its sums and once more to write the input's
 * gradient.
 *
 * <p>Each channel is one task that sums its runs in a fixed order, so results do not depend on
 * the thread count.
 */
public final class BatchNorm {
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    private static final int L = S.length();

    private BatchNorm() {
    }

    /** Whether these kernels take an activation {@code x} with {@code others} of its shape: F32, all contiguous. */
    public static boolean supports(Strided x, Strided... others) {
        if (x.dtype() != DType.F32 || !x.view().isContiguous() || x.shape().numel() == 0) {
            return false;
        }
        for (Strided o : others) {
            if (o != null && !o.view().isContiguous()) {
                return false;
            }
        }
        return true;
    }

    /** See {@link dev.nabla.tensor.spi.Backend#batchNorm}; requires {@link #supports}. */
    public static void forward(Strided x, Strided weight, Strided bias, double eps, Strided out, Strided mean,
                               Strided var) {
        Runs r = new Runs(x);
        float[] xs = f32(x);
        float[] os = f32(out);
        int xo = x.view().offset();
        int oo = out.view().offset();
        ThreadPool.forEach(r.channels, c -> {
            float m = r.sum(xs, xo, c, 0, false) / r.count;
            float v = r.sum(xs, xo, c, m, true) / r.count;
            set(mean, c, m);
            set(var, c, v);
            float std = (float) Math.sqrt(v + (float) eps);
            float k = (weight == null ? 1f : get(weight, c)) / std;
            float shift = bias == null ? 0f : get(bias, c);
            FloatVector vm = FloatVector.broadcast(S, m);
            FloatVector vk = FloatVector.broadcast(S, k);
            FloatVector vb = FloatVector.broadcast(S, shift);
            for (int n = 0; n < r.images; n++) {
                int xi = xo + r.run(n, c);
                int oi = oo + r.run(n, c);
                int i = 0;
                for (int bound = S.loopBound(r.inner); i < bound; i += L) {
                    FloatVector.fromArray(S, xs, xi + i).sub(vm).fma(vk, vb).intoArray(os, oi + i);
                }
                for (; i < r.inner; i++) {
                    os[oi + i] = Math.fma(xs[xi + i] - m, k, shift);
                }
            }
        });
    }

    /** See {@link dev.nabla.tensor.spi.Backend#batchNormBackward}; requires {@link #supports}. */
    public static void backward(Strided gradOut, Strided x, Strided mean, Strided var, Strided weight, double eps,
                                Strided gradIn, Strided gradWeight, Strided gradBias) {
        Runs r = new Runs(x);
        float[] xs = f32(x);
        float[] dy = f32(gradOut);
        int xo = x.view().offset();
        int go = gradOut.view().offset();
        ThreadPool.forEach(r.channels, c -> {
            float m = get(mean, c);
            float std = (float) Math.sqrt(get(var, c) + (float) eps);
            float[] sums = r.gradientSums(dy, go, xs, xo, c, m);
            float sumDy = sums[0];
            float sumDyCentered = sums[1];
            if (gradBias != null) {
                set(gradBias, c, sumDy);
            }
            if (gradWeight != null) {
                set(gradWeight, c, sumDyCentered / std);
            }
            if (gradIn != null) {
                float k = (weight == null ? 1f : get(weight, c)) / std;
                float shift = sumDy / r.count;
                float slope = k * (sumDyCentered / (std * std) / r.count);
                inputGradient(r, c, dy, go, xs, xo, m, shift, k, slope, f32(gradIn), gradIn.view().offset());
            }
        });
    }

    /** {@code dx = (dy - shift) * k - (x - mean) * slope} over channel {@code c}'s runs. */
    private static void inputGradient(Runs r, int c, float[] dy, int go, float[] xs, int xo, float m, float shift,
                                      float k, float slope, float[] dx, int dxo) {
        FloatVector vm = FloatVector.broadcast(S, m);
        FloatVector vs = FloatVector.broadcast(S, shift);
        FloatVector vk = FloatVector.broadcast(S, k);
        FloatVector vslope = FloatVector.broadcast(S, slope);
        for (int n = 0; n < r.images; n++) {
            int run = r.run(n, c);
            int i = 0;
            for (int bound = S.loopBound(r.inner); i < bound; i += L) {
                FloatVector centered = FloatVector.fromArray(S, xs, xo + run + i).sub(vm);
                FloatVector.fromArray(S, dy, go + run + i).sub(vs).mul(vk).sub(centered.mul(vslope))
                        .intoArray(dx, dxo + run + i);
            }
            for (; i < r.inner; i++) {
                dx[dxo + run + i] = (dy[go + run + i] - shift) * k - (xs[xo + run + i] - m) * slope;
            }
        }
    }

    /** The layout of {@code [N, C, inner...]} contiguous activations: run {@code (n, c)} of {@code inner} elements. */
    private static final class Runs {
        final int images;
        final int channels;
        final int inner;
        final float count;

        Runs(Strided x) {
            images = x.shape().dim(0);
            channels = x.shape().dim(1);
            inner = x.shape().numel() / (images * channels);
            count = (float) images * inner;
        }

        int run(int n, int c) {
            return (n * channels + c) * inner;
        }

        /**
         * Over channel {@code c}, in one pass: {@code sum(dy)} and {@code sum(dy * (x - mean))},
         * each run's lanes added at its end, then the runs in order.
         */
        float[] gradientSums(float[] dy, int go, float[] xs, int xo, int c, float mean) {
            FloatVector vm = FloatVector.broadcast(S, mean);
            int bound = S.loopBound(inner);
            float sumDy = 0;
            float sumDyCentered = 0;
            for (int n = 0; n < images; n++) {
                int run = run(n, c);
                FloatVector plain = FloatVector.zero(S);
                FloatVector centered = FloatVector.zero(S);
                int i = 0;
                for (; i < bound; i += L) {
                    FloatVector g = FloatVector.fromArray(S, dy, go + run + i);
                    plain = plain.add(g);
                    centered = g.fma(FloatVector.fromArray(S, xs, xo + run + i).sub(vm), centered);
                }
                float runDy = plain.reduceLanes(VectorOperators.ADD);
                float runDyCentered = centered.reduceLanes(VectorOperators.ADD);
                for (; i < inner; i++) {
                    runDy += dy[go + run + i];
                    runDyCentered += dy[go + run + i] * (xs[xo + run + i] - mean);
                }
                sumDy += runDy;
                sumDyCentered += runDyCentered;
            }
            return new float[] {sumDy, sumDyCentered};
        }

        /**
         * Over channel {@code c}: the sum of {@code x}, or with {@code squared} the sum of
         * {@code (x - mean)^2}; each run's vector lanes are added at its end (a vector carried
         * across the runs' loop would be kept boxed by C2), then the runs in order.
         */
        float sum(float[] x, int xo, int c, float mean, boolean squared) {
            FloatVector vm = FloatVector.broadcast(S, mean);
            int bound = S.loopBound(inner);
            float total = 0;
            for (int n = 0; n < images; n++) {
                int run = run(n, c);
                FloatVector acc = FloatVector.zero(S);
                int i = 0;
                if (squared) {
                    for (; i < bound; i += L) {
                        FloatVector d = FloatVector.fromArray(S, x, xo + run + i).sub(vm);
                        acc = d.fma(d, acc);
                    }
                } else {
                    for (; i < bound; i += L) {
                        acc = acc.add(FloatVector.fromArray(S, x, xo + run + i));
                    }
                }
                float runSum = acc.reduceLanes(VectorOperators.ADD);
                for (; i < inner; i++) {
                    float d = x[xo + run + i] - (squared ? mean : 0);
                    runSum += squared ? d * d : d;
                }
                total += runSum;
            }
            return total;
        }
    }

    private static float get(Strided s, int c) {
        return f32(s)[s.view().offset() + c * s.view().stride(0)];
    }

    private static void set(Strided s, int c, float value) {
        f32(s)[s.view().offset() + c * s.view().stride(0)] = value;
    }

    private static float[] f32(Strided s) {
        return ((HostBuffer.F32) s.buffer()).data();
    }
}
