package dev.nabla.opencl;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_kernel;

/**
 * The OpenCL backend: every primitive as a kernel on one device, F32 everywhere and F64 where
 * the device has {@code cl_khr_fp64}. Kernels are queued without waiting on one in-order queue;
 * the host waits only when it reads ({@link #readDoubles}, {@link #readFloats}), which is where
 * data leaves the device, as data enters only through {@link #write}.
 *
 * <p>Thread-safe: calls are serialised, since kernel arguments are set on shared kernel objects.
 */
public final class OpenClBackend implements Backend, AutoCloseable {
    /** Work-items per group of the one-dimensional kernels. */
    private static final int GROUP = 256;
    /** Host staging buffers for writes in flight are dropped after this many bytes by waiting. */
    private static final long MAX_STAGED = 64L << 20;
    /** A reduction gets a work-group per output element from this many reduced elements. */
    private static final int GROUP_REDUCE_FROM = 1024;

    private final Device device;
    private final ClContext ctx;
    private final Programs programs;
    private final Gemm gemm;
    private final int group;
    private final List<ByteBuffer> staged = new ArrayList<>();
    private long stagedBytes;

    OpenClBackend(ClDeviceInfo info) {
        this.device = Device.opencl(info.index());
        this.ctx = new ClContext(info);
        this.programs = new Programs(ctx);
        this.gemm = new Gemm(ctx, programs, this);
        this.group = (int) Math.min(GROUP, info.maxWorkGroupSize());
    }

    @Override
    public Device device() {
        return device;
    }

    /** The device's name as the driver reports it, e.g. {@code pthread-skylake-avx512-AMD EPYC}. */
    public String deviceName() {
        return ctx.device.name();
    }

    /** The GEMM blocking chosen for this device and dtype, e.g. for benchmark reports. */
    public String gemmConfig(DType dtype) {
        return gemm.tuned(dtype).config().toString();
    }

    /** Statistics of the buffer pool, one line. */
    public String poolStats() {
        return ctx.pool.stats();
    }

    /** Releases the pool's free blocks to the device; buffers in use are untouched. */
    public synchronized void releaseCachedMemory() {
        ctx.pool.releaseFree();
    }

    /** Waits until every queued kernel has finished (for timing; reads wait by themselves). */
    public synchronized void synchronize() {
        ctx.finish();
        dropStaged();
    }

    // ---- memory ----

    @Override
    public synchronized ClBuffer allocate(DType dtype, int size) {
        ClBuffer b = scratch(dtype, size);
        if (size > 0) {
            CL.clEnqueueFillBuffer(ctx.queue, b.mem(), Pointer.to(new byte[1]), 1, 0, b.bytes(), 0, null, null);
        }
        return b;
    }

    /** A buffer whose contents are undefined: for results that overwrite every element. */
    synchronized ClBuffer scratch(DType dtype, int size) {
        programs.requireSupported(dtype);
        long bytes = (long) size * dtype.byteSize();
        if (bytes > ctx.device.maxAllocSize()) {
            throw new IllegalArgumentException("allocate: " + size + " " + dtype + " elements (" + bytes
                    + " bytes) exceed the largest buffer device " + ctx.device.name() + " allows ("
                    + ctx.device.maxAllocSize() + " bytes); split the tensor");
        }
        return new ClBuffer(ctx.pool, dtype, size, ctx.pool.take(bytes));
    }

    @Override
    public synchronized void write(Buffer dst, float[] src) {
        ClBuffer d = own(dst, "write");
        checkLength(d, src.length);
        ByteBuffer host = stage(d);
        if (d.dtype() == DType.F32) {
            host.asFloatBuffer().put(src);
        } else {
            for (int i = 0; i < src.length; i++) {
                host.putDouble(i * 8, src[i]);
            }
        }
        upload(d, host);
    }

    @Override
    public synchronized void write(Buffer dst, double[] src) {
        ClBuffer d = own(dst, "write");
        checkLength(d, src.length);
        ByteBuffer host = stage(d);
        if (d.dtype() == DType.F64) {
            host.asDoubleBuffer().put(src);
        } else {
            for (int i = 0; i < src.length; i++) {
                host.putFloat(i * 4, (float) src[i]);
            }
        }
        upload(d, host);
    }

    private static void checkLength(ClBuffer d, int length) {
        if (d.size() != length) {
            throw new IllegalArgumentException("write: buffer holds " + d.size() + " elements, source " + length
                    + "; write the whole buffer");
        }
    }

    private ByteBuffer stage(ClBuffer d) {
        return ByteBuffer.allocateDirect((int) d.bytes()).order(ByteOrder.nativeOrder());
    }

    /** Queues the transfer without waiting; the staging buffer lives until the next wait. */
    private void upload(ClBuffer d, ByteBuffer host) {
        if (d.size() == 0) {
            return;
        }
        CL.clEnqueueWriteBuffer(ctx.queue, d.mem(), false, 0, d.bytes(), Pointer.to(host), 0, null, null);
        staged.add(host);
        stagedBytes += d.bytes();
        if (stagedBytes > MAX_STAGED) {
            synchronize();
        }
    }

    private void dropStaged() {
        staged.clear();
        stagedBytes = 0;
    }

    @Override
    public synchronized double[] readDoubles(Strided src) {
        int n = src.view().numel();
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        ByteBuffer host = download(src);
        if (src.dtype() == DType.F64) {
            host.asDoubleBuffer().get(out);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = host.getFloat(i * 4);
            }
        }
        return out;
    }

    @Override
    public synchronized float[] readFloats(Strided src) {
        int n = src.view().numel();
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        ByteBuffer host = download(src);
        if (src.dtype() == DType.F32) {
            host.asFloatBuffer().get(out);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (float) host.getDouble(i * 8);
            }
        }
        return out;
    }

    /** The elements of {@code src} in row-major order, read with a blocking transfer. */
    private ByteBuffer download(Strided src) {
        ClBuffer b = own(src.buffer(), "read");
        View v = src.view();
        int elem = src.dtype().byteSize();
        ByteBuffer host = ByteBuffer.allocateDirect(v.numel() * elem).order(ByteOrder.nativeOrder());
        try (ClBuffer tmp = v.isContiguous() ? null : contiguous(src)) {
            ClBuffer from = tmp == null ? b : tmp;
            long offset = tmp == null ? (long) v.offset() * elem : 0;
            CL.clEnqueueReadBuffer(ctx.queue, from.mem(), true, offset, host.capacity(), Pointer.to(host), 0, null,
                    null);
        } catch (CLException e) {
            throw Cl.error("read", e, "reading " + v.numel() + " elements of " + v.shape());
        }
        // A blocking read on an in-order queue returns after every earlier command.
        dropStaged();
        return host;
    }

    /** A new contiguous buffer holding the elements of {@code src}, same dtype. */
    synchronized ClBuffer contiguous(Strided src) {
        ClBuffer tmp = scratch(src.dtype(), src.view().numel());
        copy(src, new Strided(tmp, View.contiguous(src.shape())));
        return tmp;
    }

    @Override
    public synchronized void fill(Strided dst, double value) {
        ClBuffer d = own(dst.buffer(), "fill");
        Geometry g = Geometry.of("fill", dst.shape(), dst.view());
        ClContext.Launch l = ctx.launch(programs.fill(d.dtype())).i32(g.numel).i32(g.rank).ints(g.dims)
                .ints(g.layout(0)).mem(d);
        (d.dtype() == DType.F32 ? l.f32((float) value) : l.f64(value)).run1d(g.numel, group);
    }

    @Override
    public synchronized void copy(Strided src, Strided dst) {
        ClBuffer s = own(src.buffer(), "copy");
        ClBuffer d = own(dst.buffer(), "copy");
        View sv = src.view();
        View dv = dst.view();
        int n = dv.numel();
        if (n > 0 && s.dtype() == d.dtype() && sv.isContiguous() && dv.isContiguous()) {
            long elem = s.dtype().byteSize();
            CL.clEnqueueCopyBuffer(ctx.queue, s.mem(), d.mem(), sv.offset() * elem, dv.offset() * elem, n * elem, 0,
                    null, null);
            return;
        }
        Geometry g = Geometry.of("copy", dst.shape(), sv, dv);
        elementwise(programs.copy(s.dtype(), d.dtype()), g, s, d);
    }

    // ---- compute ----

    @Override
    public synchronized void unary(UnaryOp op, Strided x, Strided out) {
        ClBuffer o = own(out.buffer(), op.name());
        Geometry g = Geometry.of(op.name(), out.shape(), x.view(), out.view());
        elementwise(programs.unary(o.dtype(), op), g, own(x.buffer(), op.name()), o);
    }

    @Override
    public synchronized void binary(BinaryOp op, Strided a, Strided b, Strided out) {
        ClBuffer o = own(out.buffer(), op.name());
        Geometry g = Geometry.of(op.name(), out.shape(), a.view(), b.view(), out.view());
        elementwise(programs.binary(o.dtype(), op), g, own(a.buffer(), op.name()), own(b.buffer(), op.name()), o);
    }

    @Override
    public synchronized void where(Strided cond, Strided a, Strided b, Strided out) {
        ClBuffer o = own(out.buffer(), "where");
        Geometry g = Geometry.of("where", out.shape(), cond.view(), a.view(), b.view(), out.view());
        elementwise(programs.where(o.dtype()), g, own(cond.buffer(), "where"), own(a.buffer(), "where"),
                own(b.buffer(), "where"), o);
    }

    /** Launches an elementwise kernel: (n, rank, dims, then a layout and a buffer per operand). */
    private void elementwise(cl_kernel kernel, Geometry g, ClBuffer... operands) {
        if (g.numel == 0) {
            return;
        }
        ClContext.Launch l = ctx.launch(kernel).i32(g.numel).i32(g.rank).ints(g.dims);
        for (int i = 0; i < operands.length; i++) {
            l.ints(g.layout(i)).mem(operands[i]);
        }
        l.run1d(g.numel, group);
    }

    @Override
    public synchronized void reduce(ReduceOp op, Strided x, Strided out) {
        ClBuffer xb = own(x.buffer(), "reduce");
        ClBuffer ob = own(out.buffer(), "reduce");
        Shape xs = x.shape();
        int rank = xs.rank();
        // Split x's axes into kept ones (walked by the output) and reduced ones (walked per output).
        int[] xStrides = x.view().strides();
        int[] keptDims = new int[rank];
        int[][] keptStrides = {new int[rank], new int[rank]};
        int[] redDims = new int[rank];
        int[][] redStrides = {new int[rank]};
        for (int axis = 0; axis < rank; axis++) {
            boolean reduced = out.shape().dim(axis) == 1 && xs.dim(axis) != 1;
            keptDims[axis] = reduced ? 1 : xs.dim(axis);
            keptStrides[0][axis] = xStrides[axis];
            keptStrides[1][axis] = out.view().stride(axis);
            redDims[axis] = reduced ? xs.dim(axis) : 1;
            redStrides[0][axis] = xStrides[axis];
        }
        Geometry kept = Geometry.of("reduce", keptDims, keptStrides, new int[] {x.view().offset(), out.view().offset()});
        Geometry red = Geometry.of("reduce", redDims, redStrides, new int[] {0});
        if (kept.numel == 0) {
            return;
        }
        boolean byGroup = red.numel >= GROUP_REDUCE_FROM;
        ClContext.Launch l = ctx.launch(programs.reduce(ob.dtype(), op, byGroup)).i32(kept.numel).i32(kept.rank)
                .ints(kept.dims).ints(kept.layout(0)).ints(kept.layout(1)).i32(red.rank).ints(red.dims)
                .ints(red.layout(0)).i32(red.numel).mem(xb).mem(ob);
        if (byGroup) {
            int g = programs.reduceGroup;
            l.run(new long[] {(long) kept.numel * g}, new long[] {g});
        } else {
            l.run1d(kept.numel, group);
        }
    }

    @Override
    public synchronized void argReduce(ArgReduceOp op, Strided x, int axis, Strided out) {
        ClBuffer xb = own(x.buffer(), op.name());
        ClBuffer ob = own(out.buffer(), op.name());
        // Walk the output; x's view restricted to position 0 of the axis gives each scan's start.
        Geometry g = Geometry.of(op.name(), out.shape(), x.view(), out.view());
        if (g.numel == 0) {
            return;
        }
        ctx.launch(programs.argReduce(ob.dtype(), op)).i32(g.numel).i32(g.rank).ints(g.dims).ints(g.layout(0))
                .mem(xb).i32(x.shape().dim(axis)).i32(x.view().stride(axis)).ints(g.layout(1)).mem(ob)
                .run1d(g.numel, group);
    }

    @Override
    public synchronized void matmul(Strided a, Strided bMat, Strided out) {
        own(a.buffer(), "matmul");
        own(bMat.buffer(), "matmul");
        own(out.buffer(), "matmul");
        gemm.matmul(a, bMat, out);
    }

    @Override
    public synchronized void gather(Strided x, int axis, Strided index, Strided out) {
        ClBuffer xb = own(x.buffer(), "gather");
        int[] xStrides = x.view().strides();
        xStrides[axis] = 0;
        View base = View.of(index.shape(), xStrides, x.view().offset());
        Geometry g = Geometry.of("gather", index.shape(), base, index.view(), out.view());
        if (g.numel == 0) {
            return;
        }
        ctx.launch(programs.gather(xb.dtype())).i32(g.numel).i32(g.rank).ints(g.dims).ints(g.layout(0)).mem(xb)
                .i32(x.view().stride(axis)).ints(g.layout(1)).mem(own(index.buffer(), "gather"))
                .ints(g.layout(2)).mem(own(out.buffer(), "gather")).run1d(g.numel, group);
    }

    @Override
    public synchronized void scatterAdd(Strided src, int axis, Strided index, Strided out) {
        ClBuffer ob = own(out.buffer(), "scatterAdd");
        Shape lines = index.shape().with(axis, 1);
        int len = index.shape().dim(axis);
        Geometry g = Geometry.of("scatterAdd", lines, src.view(), index.view(), out.view());
        if (g.numel == 0 || len == 0) {
            return;
        }
        ctx.launch(programs.scatterAdd(ob.dtype())).i32(g.numel).i32(g.rank).ints(g.dims).i32(len)
                .ints(g.layout(0)).mem(own(src.buffer(), "scatterAdd")).i32(src.view().stride(axis))
                .ints(g.layout(1)).mem(own(index.buffer(), "scatterAdd")).i32(index.view().stride(axis))
                .ints(g.layout(2)).mem(ob).i32(out.view().stride(axis)).run1d(g.numel, group);
    }

    /**
     * @throws IllegalArgumentException if {@code b} was not allocated by this backend
     */
    private ClBuffer own(Buffer b, String op) {
        if (b instanceof ClBuffer c && c.pool() == ctx.pool) {
            return c;
        }
        throw new IllegalArgumentException(op + ": buffer " + b + " belongs to another backend, not " + device
                + "; move the tensor with .to(Device.parse(\"" + device + "\"))");
    }

    /** Finishes queued work and releases the device's resources; buffers still in use become invalid. */
    @Override
    public synchronized void close() {
        ctx.close();
        dropStaged();
    }
}
