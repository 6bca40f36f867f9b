package dev.nabla.opencl;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * Batched matrix products on the device through the tiled GEMM kernel of {@code matmul.cl}.
 * Operands whose rows are contiguous (unit stride along the last axis) are used in place, with
 * any row and batch stride (0 broadcasts); others are first copied to a contiguous buffer.
 */
final class Gemm {
    private final ClContext ctx;
    private final Programs programs;
    private final OpenClBackend backend;
    private final Map<DType, Tuned> tuned = new EnumMap<>(DType.class);

    /** A built kernel and the blocking it was built with. */
    record Tuned(GemmConfig config, cl_kernel kernel) {
    }

    Gemm(ClContext ctx, Programs programs, OpenClBackend backend) {
        this.ctx = ctx;
        this.programs = programs;
        this.backend = backend;
    }

    /** The kernel for {@code t}: the first candidate blocking whose build can run at its group size. */
    Tuned tuned(DType t) {
        Tuned k = tuned.get(t);
        if (k == null) {
            List<GemmConfig> candidates = GemmConfig.candidates(ctx.device, t);
            for (GemmConfig c : candidates) {
                cl_kernel kernel = ctx.kernel(programs.gemm(t, c), "gemm");
                long[] max = new long[1];
                CL.clGetKernelWorkGroupInfo(kernel, ctx.device.id(), CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
                        Pointer.to(max), null);
                if (c.groupSize() <= max[0]) {
                    k = new Tuned(c, kernel);
                    break;
                }
            }
            if (k == null) {
                throw new IllegalStateException("matmul: no GEMM blocking fits device " + ctx.device.name()
                        + " (tried " + candidates + "); set -Dnabla.opencl.gemm=tsm,tsn,tsk,wptm,wptn,vw");
            }
            tuned.put(t, k);
        }
        return k;
    }

    /** {@code out[b] = a[b] @ bm[b]}: a [B, M, K], bm [B, K, N], out [B, M, N]; writes out only. */
    void matmul(Strided a, Strided bm, Strided out) {
        Shape so = out.shape();
        int batch = so.dim(0);
        int m = so.dim(1);
        int n = so.dim(2);
        int k = a.shape().dim(2);
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        ClBuffer ta = rowsContiguous(a.view()) ? null : backend.contiguous(a);
        ClBuffer tb = rowsContiguous(bm.view()) ? null : backend.contiguous(bm);
        boolean direct = rowsContiguous(out.view());
        ClBuffer tc = direct ? null : backend.scratch(out.dtype(), so.numel());
        try {
            View av = ta == null ? a.view() : View.contiguous(a.shape());
            View bv = tb == null ? bm.view() : View.contiguous(bm.shape());
            View cv = direct ? out.view() : View.contiguous(so);
            Tuned t = tuned(out.dtype());
            GemmConfig c = t.config();
            ctx.launch(t.kernel()).i32(m).i32(n).i32(k)
                    .mem(ta != null ? ta : (ClBuffer) a.buffer()).i32(av.offset()).i32(av.stride(1))
                    .i32(av.stride(0)).i32(aligned(av, c.vw()))
                    .mem(tb != null ? tb : (ClBuffer) bm.buffer()).i32(bv.offset()).i32(bv.stride(1))
                    .i32(bv.stride(0)).i32(aligned(bv, c.vw()))
                    .mem(tc != null ? tc : (ClBuffer) out.buffer()).i32(cv.offset()).i32(cv.stride(1))
                    .i32(cv.stride(0))
                    .run(new long[] {roundUp(n, c.tsn()) / c.wptn(), roundUp(m, c.tsm()) / c.wptm(), batch},
                            new long[] {c.tsn() / c.wptn(), c.tsm() / c.wptm(), 1});
            if (tc != null) {
                backend.copy(new Strided(tc, cv), out);
            }
        } finally {
            // Safe while the kernel is queued: the in-order queue runs a block's next user after it.
            close(ta);
            close(tb);
            close(tc);
        }
    }

    /** Unit stride along the last axis (or at most one column): rows can be read in place. */
    private static boolean rowsContiguous(View v) {
        return v.stride(2) == 1 || v.shape().dim(2) <= 1;
    }

    /** 1 when every row of every matrix starts at a multiple of vw elements, for vector loads. */
    private static int aligned(View v, int vw) {
        boolean ok = v.stride(2) == 1 && v.offset() % vw == 0 && v.stride(1) % vw == 0 && v.stride(0) % vw == 0;
        return ok ? 1 : 0;
    }

    private static long roundUp(int x, int to) {
        return ((long) x + to - 1) / to * to;
    }

    private static void close(ClBuffer b) {
        if (b != null) {
            b.close();
        }
    }
}
