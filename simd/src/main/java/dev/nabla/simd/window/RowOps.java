package dev.nabla.simd.window;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;

/**
 * The per-dtype row work of the window kernels, on the backing arrays ({@code float[]} or
 * {@code double[]}) passed as {@code Object} so that the plane walks are written once. A run of
 * {@code n} elements starts at an offset and steps by a stride (any sign); stride 1 on both
 * sides is the fast case. Pooling is computed at {@code n} flat positions of a
 * {@link PaddedPlane}, a multiple of {@link #lanes()}, from which the outputs are picked.
 */
interface RowOps {

    /** The implementation for {@code dtype}. */
    static RowOps of(DType dtype) {
        return dtype == DType.F32 ? FloatRowOps.INSTANCE : DoubleRowOps.INSTANCE;
    }

    /** Elements per vector. */
    int lanes();

    /** The array behind a host buffer of this dtype. */
    Object array(Buffer b);

    /** A new array of {@code n} elements, all {@code value}. */
    Object filled(int n, double value);

    /** {@code a[i] = values[i]} for every {@code i < values.length}, rounded to this dtype. */
    void set(Object a, double[] values);

    /** Sets {@code n} elements of {@code a}, from {@code off} by {@code step}, to {@code value}. */
    void fill(Object a, int off, int step, int n, double value);

    /** {@code dst[d + i*ds] = src[s + i*ss]} for {@code i < n}. */
    void copy(Object src, int s, int ss, Object dst, int d, int ds, int n);

    /** {@code dst[d + i] = src[index[i]]} for {@code i < n}, with vector gathers. */
    void gather(Object src, int[] index, Object dst, int d, int n);

    /** {@code dst[d + i*ds] += src[s + i*ss]} for {@code i < n}. */
    void addInto(Object src, int s, int ss, Object dst, int d, int ds, int n);

    /**
     * Max pooling at {@code n} flat positions: for {@code q < n}, over the taps {@code k} in order,
     * reading {@code padded[offsets[k] + q]}, {@code best[q]} becomes the first maximum, or the
     * first NaN, and {@code tapOut[q]} its {@code k}, or {@code firstTaps[q]} when no tap beats
     * -infinity.
     */
    void maxTaps(Object padded, int[] offsets, Object firstTaps, Object best, Object tapOut, int n);

    /** {@code sum[q]} = the sum over the taps {@code k}, in order, of {@code padded[offsets[k] + q]}, for {@code q < n}. */
    void sumTaps(Object padded, int[] offsets, Object sum, int n);

    /** {@code num[q] /= den[denOff + q]} for {@code q < n}. */
    void divide(Object num, Object den, int denOff, int n);
}
