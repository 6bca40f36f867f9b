package dev.nabla.simd.window;

import dev.nabla.simd.SimdConfig;
import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.HostBuffer;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link RowOps} on {@code float[]}; {@link DoubleRowOps} mirrors it (the Vector API has no generics over lanes). */
final class FloatRowOps implements RowOps {
    static final FloatRowOps INSTANCE = new FloatRowOps();
    private static final VectorSpecies<Float> S = SimdConfig.FLOAT;
    private static final int L = S.length();

    private FloatRowOps() {
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public Object array(Buffer b) {
        return ((HostBuffer.F32) b).data();
    }

    @Override
    public Object filled(int n, double value) {
        float[] a = new float[n];
        Arrays.fill(a, (float) value);
        return a;
    }

    @Override
    public void set(Object a, double[] values) {
        float[] d = (float[]) a;
        for (int i = 0; i < values.length; i++) {
            d[i] = (float) values[i];
        }
    }

    @Override
    public void fill(Object a, int off, int step, int n, double value) {
        float[] d = (float[]) a;
        if (step == 1) {
            Arrays.fill(d, off, off + n, (float) value);
            return;
        }
        for (int i = 0; i < n; i++) {
            d[off + i * step] = (float) value;
        }
    }

    @Override
    public void copy(Object src, int s, int ss, Object dst, int d, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        float[] a = (float[]) src;
        float[] b = (float[]) dst;
        for (int i = 0; i < n; i++) {
            b[d + i * ds] = a[s + i * ss];
        }
    }

    @Override
    public void gather(Object src, int[] index, Object dst, int d, int n) {
        float[] a = (float[]) src;
        float[] b = (float[]) dst;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, 0, index, i).intoArray(b, d + i);
        }
        for (; i < n; i++) {
            b[d + i] = a[index[i]];
        }
    }

    @Override
    public void addInto(Object src, int s, int ss, Object dst, int d, int ds, int n) {
        float[] a = (float[]) src;
        float[] b = (float[]) dst;
        int i = 0;
        if (ss == 1 && ds == 1) {
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, b, d + i).add(FloatVector.fromArray(S, a, s + i)).intoArray(b, d + i);
            }
        }
        for (; i < n; i++) {
            b[d + i * ds] += a[s + i * ss];
        }
    }

    @Override
    public void maxTaps(Object padded, int[] offsets, Object firstTaps, Object best, Object tapOut, int n) {
        float[] p = (float[]) padded;
        float[] f = (float[]) firstTaps;
        float[] b = (float[]) best;
        float[] t = (float[]) tapOut;
        // One flat loop over the taps: C2 keeps loop-carried vectors in registers there (nested
        // kh, kw loops boxed them, about 2 KB of garbage per row).
        for (int q = 0; q < n; q += L) {
            FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            FloatVector arg = FloatVector.fromArray(S, f, q);
            for (int k = 0; k < offsets.length; k++) {
                FloatVector v = FloatVector.fromArray(S, p, offsets[k] + q);
                // Strictly greater keeps the first of equal maxima; a NaN wins once, over a non-NaN.
                VectorMask<Float> wins = v.compare(VectorOperators.GT, max)
                        .or(v.compare(VectorOperators.NE, v).andNot(max.compare(VectorOperators.NE, max)));
                max = max.blend(v, wins);
                arg = arg.blend(k, wins);
            }
            max.intoArray(b, q);
            arg.intoArray(t, q);
        }
    }

    @Override
    public void sumTaps(Object padded, int[] offsets, Object sum, int n) {
        float[] p = (float[]) padded;
        float[] o = (float[]) sum;
        for (int q = 0; q < n; q += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int k = 0; k < offsets.length; k++) {
                acc = acc.add(FloatVector.fromArray(S, p, offsets[k] + q));
            }
            acc.intoArray(o, q);
        }
    }

    @Override
    public void divide(Object num, Object den, int denOff, int n) {
        float[] a = (float[]) num;
        float[] d = (float[]) den;
        for (int q = 0; q < n; q += L) {
            FloatVector.fromArray(S, a, q).div(FloatVector.fromArray(S, d, denOff + q)).intoArray(a, q);
        }
    }
}
