package dev.nabla.simd;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ScalarMath;
import dev.nabla.tensor.spi.ReduceOp;
import java.util.Arrays;

/**
 * Sum, max and min over axes, in the two layouts training produces:
 * <ul>
 *   <li>reduced axes whose innermost one is contiguous (row sums, softmax denominators, a full
 *       sum, statistics over N, H, W of an N, C, H, W tensor): each output is a vector reduction
 *       of its runs, split into fixed blocks of {@link #BLOCK} elements whose partial results are
 *       combined in order;</li>
 *   <li>kept axes innermost and contiguous, reduced axes outside them (column sums such as bias
 *       gradients, or a reduction over a middle axis): rows are accumulated into
 *       each contiguous run of outputs with vector adds, summed in groups of {@link #ROW_GROUP}
 *       rows first so the error grows with the group count, not the row count.</li>
 * </ul>
 * The work is cut the same way for any thread count, so results are bit-identical. Other layouts
 * return false and go to the reference backend.
 */
final class Reductions {
    static final int BLOCK = 1 << 14;
    static final int ROW_GROUP = 256;

    private Reductions() {
    }

    static boolean run(ReduceOp op, Strided x, Strided out) {
        Shape shape = x.shape();
        boolean[] reduced = new boolean[shape.rank()];
        boolean[] kept = new boolean[shape.rank()];
        boolean any = false;
        for (int i = 0; i < reduced.length; i++) {
            reduced[i] = out.shape().dim(i) == 1 && shape.dim(i) != 1;
            kept[i] = !reduced[i];
            any |= reduced[i];
        }
        if (!any || shape.numel() == 0) {
            if (any) {
                SimdBackend.INSTANCE.fill(out, ScalarMath.identity(op));
            } else {
                SimdBackend.INSTANCE.copy(x, out);
            }
            return true;
        }
        View xv = x.view();
        View ov = out.view();
        Shape keptShape = select(shape, kept);
        View xKept = View.of(keptShape, pick(xv.strides(), kept), xv.offset());
        View oKept = View.of(keptShape, pick(ov.strides(), kept), ov.offset());
        Rows red = Rows.plan(select(shape, reduced),
                View.of(select(shape, reduced), pick(xv.strides(), reduced), 0));
        Rows keptRows = Rows.plan(keptShape, xKept, oKept);
        if (red.unit(0)) {
            reduceRuns(op, x.buffer(), out.buffer(), keptRows, red);
            return true;
        }
        if (keptRows.unit(0) && keptRows.unit(1)) {
            int[] start = new int[2];
            for (int r = 0; r < keptRows.rows; r++) {
                keptRows.rowStart(r, start);
                accumulateRows(op, x.buffer(), start[0], out.buffer(), start[1], keptRows.length, red);
            }
            return true;
        }
        return false;
    }

    /** The sizes of {@code shape} at the axes flagged in {@code keep}. */
    private static Shape select(Shape shape, boolean[] keep) {
        return Shape.of(pick(shape.dims(), keep));
    }

    /** The entries of {@code values} at the positions flagged in {@code keep}. */
    private static int[] pick(int[] values, boolean[] keep) {
        int n = 0;
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Each kept element reduces {@code red.rows} contiguous runs of {@code red.length} elements;
     * runs are cut into blocks of {@link #BLOCK}, and the partial results of one element are
     * combined in order.
     */
    private static void reduceRuns(ReduceOp op, Buffer x, Buffer out, Rows kept, Rows red) {
        int count = kept.rows * kept.length;
        int length = red.length;
        int blocks = (length + BLOCK - 1) / BLOCK;
        int perElement = red.rows * blocks;
        double[] partial = new double[count * perElement];
        int tasksPerChunk = Math.max(1, Segments.CHUNK / Math.min(length, BLOCK));
        long tasks = (long) count * perElement;
        long work = (long) count * red.rows * length;
        int chunks = work < Segments.PARALLEL_MIN ? 1 : ThreadPool.chunks(tasks, tasksPerChunk);
        long step = chunks == 1 ? tasks : tasksPerChunk;
        boolean f32 = x.dtype() == DType.F32;
        ThreadPool.forEach(chunks, c -> {
            int[] start = new int[2];
            int[] run = new int[1];
            for (long t = c * step, end = Math.min(tasks, (c + 1) * step); t < end; t++) {
                int k = (int) (t / perElement);
                int r = (int) (t % perElement) / blocks;
                int from = (int) (t % blocks) * BLOCK;
                int n = Math.min(BLOCK, length - from);
                red.rowStart(r, run);
                int xo = elementStart(kept, k, start, 0) + run[0] + from;
                partial[(int) t] = f32 ? FloatKernels.reduce(op, SimdBackend.f32(x), xo, n)
                        : DoubleKernels.reduce(op, SimdBackend.f64(x), xo, n);
            }
        });
        int[] start = new int[2];
        for (int k = 0; k < count; k++) {
            double r = partial[k * perElement];
            for (int p = 1; p < perElement; p++) {
                r = ScalarMath.reduce(op, r, partial[k * perElement + p]);
            }
            int o = elementStart(kept, k, start, 1);
            if (f32) {
                SimdBackend.f32(out)[o] = (float) r;
            } else {
                SimdBackend.f64(out)[o] = r;
            }
        }
    }

    /** Offset of kept element {@code k} in operand {@code v}. */
    private static int elementStart(Rows kept, int k, int[] start, int v) {
        kept.rowStart(k / kept.length, start);
        return start[v] + (k % kept.length) * kept.innerStrides[v];
    }

    /** {@code out[xo..] op= x[xo + d ..]} for every reduced offset d, over columns in fixed blocks. */
    private static void accumulateRows(ReduceOp op, Buffer x, int xStart, Buffer out, int oStart, int width,
                                       Rows red) {
        int columnsPerTask = Segments.SEGMENT;
        int tasks = (width + columnsPerTask - 1) / columnsPerTask;
        long work = (long) width * red.rows * red.length;
        boolean f32 = x.dtype() == DType.F32;
        ThreadPool.forEach(work < Segments.PARALLEL_MIN ? 1 : tasks, c -> {
            int from = work < Segments.PARALLEL_MIN ? 0 : c * columnsPerTask;
            int to = work < Segments.PARALLEL_MIN ? width : Math.min(width, from + columnsPerTask);
            for (int c0 = from; c0 < to; c0 += columnsPerTask) {
                int n = Math.min(columnsPerTask, to - c0);
                if (f32) {
                    ColumnSums.f32(op, SimdBackend.f32(x), xStart + c0, SimdBackend.f32(out), oStart + c0, n, red);
                } else {
                    ColumnSums.f64(op, SimdBackend.f64(x), xStart + c0, SimdBackend.f64(out), oStart + c0, n, red);
                }
            }
        });
    }
}
