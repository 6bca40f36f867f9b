package dev.nabla.simd;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.HostBuffer;

/** Strided copies between host buffers, converting F32 and F64 either way. */
final class Copies {
    private Copies() {
    }

    /** Copies {@code n} elements; {@code single} means strides do not matter (n == 1). */
    static void run(Buffer src, int so, int ss, Buffer dst, int dOff, int ds, int n, boolean single) {
        boolean unit = single || (ss == 1 && ds == 1);
        if (src instanceof HostBuffer.F32 s && dst instanceof HostBuffer.F32 d) {
            if (unit) {
                System.arraycopy(s.data(), so, d.data(), dOff, n);
            } else {
                float[] a = s.data();
                float[] b = d.data();
                for (int i = 0; i < n; i++) {
                    b[dOff + i * ds] = a[so + i * ss];
                }
            }
        } else if (src instanceof HostBuffer.F64 s && dst instanceof HostBuffer.F64 d) {
            if (unit) {
                System.arraycopy(s.data(), so, d.data(), dOff, n);
            } else {
                double[] a = s.data();
                double[] b = d.data();
                for (int i = 0; i < n; i++) {
                    b[dOff + i * ds] = a[so + i * ss];
                }
            }
        } else if (src instanceof HostBuffer.F32 s) {
            float[] a = s.data();
            double[] b = SimdBackend.f64(dst);
            for (int i = 0; i < n; i++) {
                b[dOff + i * ds] = a[so + i * ss];
            }
        } else {
            double[] a = SimdBackend.f64(src);
            float[] b = SimdBackend.f32(dst);
            for (int i = 0; i < n; i++) {
                b[dOff + i * ds] = (float) a[so + i * ss];
            }
        }
    }
}
