package dev.nabla.simd.window;

import dev.nabla.simd.SimdConfig;
import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.HostBuffer;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link RowOps} on {@code double[]}, the mirror of {@link FloatRowOps}. */
final class DoubleRowOps implements RowOps {
    static final DoubleRowOps INSTANCE = new DoubleRowOps();
    private static final VectorSpecies<Double> S = SimdConfig.DOUBLE;
    private static final int L = S.length();

    private DoubleRowOps() {
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public Object array(Buffer b) {
        return ((HostBuffer.F64) b).data();
    }

    @Override
    public Object filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    @Override
    public void set(Object a, double[] values) {
        double[] d = (double[]) a;
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
    }

    @Override
    public void fill(Object a, int off, int step, int n, double value) {
        double[] d = (double[]) a;
        if (step == 1) {
            Arrays.fill(d, off, off + n, value);
            return;
        }
        for (int i = 0; i < n; i++) {
            d[off + i * step] = value;
        }
    }

    @Override
    public void copy(Object src, int s, int ss, Object dst, int d, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, s, dst, d, n);
            return;
        }
        double[] a = (double[]) src;
        double[] b = (double[]) dst;
        for (int i = 0; i < n; i++) {
            b[d + i * ds] = a[s + i * ss];
        }
    }

    @Override
    public void gather(Object src, int[] index, Object dst, int d, int n) {
        double[] a = (double[]) src;
        double[] b = (double[]) dst;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector.fromArray(S, a, 0, index, i).intoArray(b, d + i);
        }
        for (; i < n; i++) {
            b[d + i] = a[index[i]];
        }
    }

    @Override
    public void addInto(Object src, int s, int ss, Object dst, int d, int ds, int n) {
        double[] a = (double[]) src;
        double[] b = (double[]) dst;
        int i = 0;
        if (ss == 1 && ds == 1) {
            for (int bound = S.loopBound(n); i < bound; i += L) {
                DoubleVector.fromArray(S, b, d + i).add(DoubleVector.fromArray(S, a, s + i)).intoArray(b, d + i);
            }
        }
        for (; i < n; i++) {
            b[d + i * ds] += a[s + i * ss];
        }
    }

    @Override
    public void maxTaps(Object padded, int[] offsets, Object firstTaps, Object best, Object tapOut, int n) {
        double[] p = (double[]) padded;
        double[] f = (double[]) firstTaps;
        double[] b = (double[]) best;
        double[] t = (double[]) tapOut;
        // One flat loop over the taps: C2 keeps loop-carried vectors in registers there (nested
        // kh, kw loops boxed them, about 2 KB of garbage per row).
        for (int q = 0; q < n; q += L) {
            DoubleVector max = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            DoubleVector arg = DoubleVector.fromArray(S, f, q);
            for (int k = 0; k < offsets.length; k++) {
                DoubleVector v = DoubleVector.fromArray(S, p, offsets[k] + q);
                // Strictly greater keeps the first of equal maxima; a NaN wins once, over a non-NaN.
                VectorMask<Double> wins = v.compare(VectorOperators.GT, max)
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
        double[] p = (double[]) padded;
        double[] o = (double[]) sum;
        for (int q = 0; q < n; q += L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int k = 0; k < offsets.length; k++) {
                acc = acc.add(DoubleVector.fromArray(S, p, offsets[k] + q));
            }
            acc.intoArray(o, q);
        }
    }

    @Override
    public void divide(Object num, Object den, int denOff, int n) {
        double[] a = (double[]) num;
        double[] d = (double[]) den;
        for (int q = 0; q < n; q += L) {
            DoubleVector.fromArray(S, a, q).div(DoubleVector.fromArray(S, d, denOff + q)).intoArray(a, q);
        }
    }
}
