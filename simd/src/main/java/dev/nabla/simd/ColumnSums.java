package dev.nabla.simd;

import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.ReduceOp;
import java.util.Arrays;

/**
 * Reduces many rows of {@code n} contiguous elements into one row: {@code out[i] = op over d of
 * x[xo + d + i]}, with d running over the reduced offsets in order. Sums add groups of
 * {@link Reductions#ROW_GROUP} rows into a scratch row first, then the group into the output.
 */
final class ColumnSums {
    private static final ThreadLocal<float[]> F32_GROUP = ThreadLocal.withInitial(() -> new float[Segments.SEGMENT]);
    private static final ThreadLocal<double[]> F64_GROUP = ThreadLocal.withInitial(() -> new double[Segments.SEGMENT]);

    private ColumnSums() {
    }

    static void f32(ReduceOp op, float[] x, int xo, float[] out, int oo, int n, Rows red) {
        boolean sum = op == ReduceOp.SUM;
        float[] group = sum ? F32_GROUP.get() : out;
        int go = sum ? 0 : oo;
        Arrays.fill(out, oo, oo + n, (float) ScalarMath.identity(op));
        Arrays.fill(group, go, go + n, (float) ScalarMath.identity(op));
        int inGroup = 0;
        int[] start = new int[1];
        for (int r = 0; r < red.rows; r++) {
            red.rowStart(r, start);
            for (int j = 0; j < red.length; j++) {
                FloatKernels.accumulate(op, x, xo + start[0] + j * red.innerStrides[0], group, go, n);
                if (sum && ++inGroup == Reductions.ROW_GROUP) {
                    FloatKernels.accumulate(op, group, 0, out, oo, n);
                    Arrays.fill(group, 0, n, 0f);
                    inGroup = 0;
                }
            }
        }
        if (sum && inGroup > 0) {
            FloatKernels.accumulate(op, group, 0, out, oo, n);
        }
    }

    static void f64(ReduceOp op, double[] x, int xo, double[] out, int oo, int n, Rows red) {
        boolean sum = op == ReduceOp.SUM;
        double[] group = sum ? F64_GROUP.get() : out;
        int go = sum ? 0 : oo;
        Arrays.fill(out, oo, oo + n, ScalarMath.identity(op));
        Arrays.fill(group, go, go + n, ScalarMath.identity(op));
        int inGroup = 0;
        int[] start = new int[1];
        for (int r = 0; r < red.rows; r++) {
            red.rowStart(r, start);
            for (int j = 0; j < red.length; j++) {
                DoubleKernels.accumulate(op, x, xo + start[0] + j * red.innerStrides[0], group, go, n);
                if (sum && ++inGroup == Reductions.ROW_GROUP) {
                    DoubleKernels.accumulate(op, group, 0, out, oo, n);
                    Arrays.fill(group, 0, n, 0.0);
                    inGroup = 0;
                }
            }
        }
        if (sum && inGroup > 0) {
            DoubleKernels.accumulate(op, group, 0, out, oo, n);
        }
    }
}
