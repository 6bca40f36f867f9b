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
 * output gradient and the input once for both sums and once more to write the input's gradient.
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
            float m = r.sum(xs, xo, c, 0, null, 0, 0) / r.count;
            float v = r.sum(xs, xo, c, m, xs, xo, m) / r.count;
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
            float sumDy = r.sum(dy, go, c, 0, null, 0, 0);
            float sumDyCentered = r.sum(dy, go, c, 0, xs, xo, m);
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
         * Over channel {@code c}: the sum of {@code (a - aShift)}, or with {@code b} the sum of
         * {@code (a - aShift) * (b - bShift)}; each run's vector lanes are added at its end (a
         * vector carried across the runs' loop would be kept boxed by C2), then the runs in order.
         */
        float sum(float[] a, int ao, int c, float aShift, float[] b, int bo, float bShift) {
            FloatVector as = FloatVector.broadcast(S, aShift);
            FloatVector bs = FloatVector.broadcast(S, bShift);
            int bound = S.loopBound(inner);
            float total = 0;
            for (int n = 0; n < images; n++) {
                int run = run(n, c);
                FloatVector acc = FloatVector.zero(S);
                int i = 0;
                if (b == null) {
                    for (; i < bound; i += L) {
                        acc = acc.add(FloatVector.fromArray(S, a, ao + run + i).sub(as));
                    }
                } else {
                    for (; i < bound; i += L) {
                        FloatVector u = FloatVector.fromArray(S, a, ao + run + i).sub(as);
                        acc = u.fma(FloatVector.fromArray(S, b, bo + run + i).sub(bs), acc);
                    }
                }
                float runSum = acc.reduceLanes(VectorOperators.ADD);
                for (; i < inner; i++) {
                    float u = a[ao + run + i] - aShift;
                    runSum += b == null ? u : u * (b[bo + run + i] - bShift);
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
