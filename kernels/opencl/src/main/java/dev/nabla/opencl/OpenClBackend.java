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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** A reduction may get work-groups per output element from this many reduced elements. */
    private static final int GROUP_REDUCE_FROM = 1024;

    private final Device device;
    private final ClContext ctx;
    private final Programs programs;
    private final Gemm gemm;
    private final int group;
    /** Host buffers of writes in flight; kept alive until the queue has passed them. */
    private final List<ByteBuffer> staged = new ArrayList<>();
    /** Host buffers whose writes are done, for reuse (allocating direct memory zeroes it). */
    private final ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
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
    public synchronized String gemmConfig(DType dtype) {
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

    /**
     * A zero-filled buffer. The zeros are written lazily, when the buffer is first read or
     * partly written; an op whose output view covers the whole buffer (the common case: a fresh
     * result) overwrites it without the fill.
     */
    @Override
    public synchronized ClBuffer allocate(DType dtype, int size) {
        ClBuffer b = scratch(dtype, size);
        b.zeroPending = size > 0;
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
        d.zeroPending = false;
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
        d.zeroPending = false;
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

    /** A host buffer for {@code d}'s bytes: a spare one of at most twice the size, else a new one. */
    private ByteBuffer stage(ClBuffer d) {
        int bytes = (int) d.bytes();
        for (var it = spare.iterator(); it.hasNext(); ) {
            ByteBuffer b = it.next();
            if (b.capacity() >= bytes && b.capacity() <= 2 * bytes) {
                it.remove();
                return b.clear().limit(bytes).order(ByteOrder.nativeOrder());
            }
        }
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
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

    /** After a wait: the staged writes are done, and their buffers become spares (up to MAX_STAGED bytes). */
    private void dropStaged() {
        long kept = spare.stream().mapToLong(ByteBuffer::capacity).sum();
        for (ByteBuffer b : staged) {
            if (kept + b.capacity() <= MAX_STAGED) {
                spare.push(b);
                kept += b.capacity();
            }
        }
        staged.clear();
        stagedBytes = 0;
    }

    @Override
    public synchronized double[] readDoubles(Strided src) {
        double[] out = new double[src.view().numel()];
        if (src.dtype() == DType.F64) {
            download(src, Pointer.to(out));
        } else {
            float[] f = readFloats(src);
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    @Override
    public synchronized float[] readFloats(Strided src) {
        float[] out = new float[src.view().numel()];
        if (src.dtype() == DType.F32) {
            download(src, Pointer.to(out));
        } else {
            double[] d = readDoubles(src);
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
        }
        return out;
    }

    /**
     * Reads the elements of {@code src} in row-major order into {@code host} (an array of its
     * dtype), waiting for the transfer and so for every command queued before it.
     */
    private void download(Strided src, Pointer host) {
        View v = src.view();
        if (v.numel() == 0) {
            return;
        }
        ClBuffer b = in(src.buffer(), "read");
        int elem = src.dtype().byteSize();
        try (ClBuffer tmp = v.isContiguous() ? null : contiguous(src)) {
            ClBuffer from = tmp == null ? b : tmp;
            long offset = tmp == null ? (long) v.offset() * elem : 0;
            CL.clEnqueueReadBuffer(ctx.queue, from.mem(), true, offset, (long) v.numel() * elem, host, 0, null, null);
        } catch (CLException e) {
            throw Cl.error("read", e, "reading " + v.numel() + " elements of " + v.shape());
        }
        dropStaged();
    }

    /** A new contiguous buffer holding the elements of {@code src}, same dtype. */
    synchronized ClBuffer contiguous(Strided src) {
        ClBuffer tmp = scratch(src.dtype(), src.view().numel());
        copy(src, new Strided(tmp, View.contiguous(src.shape())));
        return tmp;
    }

    @Override
    public synchronized void fill(Strided dst, double value) {
        ClBuffer d = out(dst, "fill");
        Geometry g = Geometry.of("fill", dst.shape(), dst.view());
        ClContext.Launch l = ctx.launch(programs.fill(d.dtype(), g)).ints(g.packed()).mem(d);
        (d.dtype() == DType.F32 ? l.f32((float) value) : l.f64(value)).run1d(g.numel, group);
    }

    @Override
    public synchronized void copy(Strided src, Strided dst) {
        ClBuffer s = in(src.buffer(), "copy");
        ClBuffer d = out(dst, "copy");
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
        elementwise(programs.copy(s.dtype(), d.dtype(), g), g, s, d);
    }

    // ---- compute ----

    @Override
    public synchronized void unary(UnaryOp op, Strided x, Strided out) {
        ClBuffer o = out(out, op.name());
        Geometry g = Geometry.of(op.name(), out.shape(), x.view(), out.view());
        elementwise(programs.unary(o.dtype(), op, g), g, in(x.buffer(), op.name()), o);
    }

    @Override
    public synchronized void binary(BinaryOp op, Strided a, Strided b, Strided out) {
        ClBuffer o = out(out, op.name());
        Geometry g = Geometry.of(op.name(), out.shape(), a.view(), b.view(), out.view());
        elementwise(programs.binary(o.dtype(), op, g), g, in(a.buffer(), op.name()), in(b.buffer(), op.name()), o);
    }

    @Override
    public synchronized void addScaled(Strided a, Strided b, double alpha, Strided out) {
        ClBuffer o = out(out, "addScaled");
        Geometry g = Geometry.of("addScaled", out.shape(), a.view(), b.view(), out.view());
        if (g.numel == 0) {
            return;
        }
        ClContext.Launch l = ctx.launch(programs.addScaled(o.dtype(), g)).ints(g.packed())
                .mem(in(a.buffer(), "addScaled")).mem(in(b.buffer(), "addScaled")).mem(o);
        (o.dtype() == DType.F32 ? l.f32((float) alpha) : l.f64(alpha)).run1d(g.numel, group);
    }

    @Override
    public synchronized void where(Strided cond, Strided a, Strided b, Strided out) {
        ClBuffer o = out(out, "where");
        Geometry g = Geometry.of("where", out.shape(), cond.view(), a.view(), b.view(), out.view());
        elementwise(programs.where(o.dtype(), g), g, in(cond.buffer(), "where"), in(a.buffer(), "where"),
                in(b.buffer(), "where"), o);
    }

    /** Launches an elementwise kernel: (geom_t, then a buffer per operand). */
    private void elementwise(cl_kernel kernel, Geometry g, ClBuffer... operands) {
        if (g.numel == 0) {
            return;
        }
        ClContext.Launch l = ctx.launch(kernel).ints(g.packed());
        for (ClBuffer b : operands) {
            l.mem(b);
        }
        l.run1d(g.numel, group);
    }

    @Override
    public synchronized void reduce(ReduceOp op, Strided x, Strided out) {
        ClBuffer xb = in(x.buffer(), "reduce");
        ClBuffer ob = out(out, "reduce");
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
        // Few outputs, each over many elements: work-groups share each output, so every compute
        // unit has work; otherwise one work-item per output, reading along the kept axes.
        int units = ctx.device.computeUnits() * (ctx.device.gpu() ? 32 : 8);
        if (red.numel < GROUP_REDUCE_FROM || kept.numel >= units) {
            reduceLaunch(op, kept, red, xb, ob, false).run1d(kept.numel, group);
            return;
        }
        int g = programs.reduceGroup;
        int parts = Math.max(1, Math.min(Math.min(256, units / kept.numel), red.numel / (16 * g)));
        ClBuffer partials = parts == 1 ? null : scratch(ob.dtype(), kept.numel * parts);
        try {
            reduceLaunch(op, kept, red, xb, ob, true).i32(parts).mem(partials == null ? ob : partials)
                    .run(new long[] {(long) kept.numel * parts * g}, new long[] {g});
            if (partials != null) {
                // Second pass: the [out..., parts] partials reduced over their last axis into out.
                Shape outShape = out.shape();
                int r = outShape.rank();
                int[] dims = Arrays.copyOf(outShape.dims(), r + 1);
                dims[r] = parts;
                int[] ones = Arrays.copyOf(outShape.dims(), r + 1);
                ones[r] = 1;
                int[] strides = Arrays.copyOf(out.view().strides(), r + 1);
                reduce(op, new Strided(partials, View.contiguous(Shape.of(dims))),
                        out.with(View.of(Shape.of(ones), strides, out.view().offset())));
            }
        } finally {
            if (partials != null) {
                partials.close();
            }
        }
    }

    private ClContext.Launch reduceLaunch(ReduceOp op, Geometry kept, Geometry red, ClBuffer x, ClBuffer out,
                                          boolean byGroup) {
        return ctx.launch(programs.reduce(out.dtype(), op, byGroup)).i32(kept.numel).i32(kept.rank).ints(kept.dims)
                .ints(kept.layout(0)).ints(kept.layout(1)).i32(red.rank).ints(red.dims).ints(red.layout(0))
                .i32(red.numel).mem(x).mem(out);
    }

    @Override
    public synchronized void argReduce(ArgReduceOp op, Strided x, int axis, Strided out) {
        ClBuffer xb = in(x.buffer(), op.name());
        ClBuffer ob = out(out, op.name());
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
        in(a.buffer(), "matmul");
        in(bMat.buffer(), "matmul");
        out(out, "matmul");
        gemm.matmul(a, bMat, out);
    }

    @Override
    public synchronized void gather(Strided x, int axis, Strided index, Strided out) {
        ClBuffer xb = in(x.buffer(), "gather");
        int[] xStrides = x.view().strides();
        xStrides[axis] = 0;
        View base = View.of(index.shape(), xStrides, x.view().offset());
        Geometry g = Geometry.of("gather", index.shape(), base, index.view(), out.view());
        if (g.numel == 0) {
            return;
        }
        ctx.launch(programs.gather(xb.dtype())).i32(g.numel).i32(g.rank).ints(g.dims).ints(g.layout(0)).mem(xb)
                .i32(x.view().stride(axis)).ints(g.layout(1)).mem(in(index.buffer(), "gather"))
                .ints(g.layout(2)).mem(out(out, "gather")).run1d(g.numel, group);
    }

    @Override
    public synchronized void scatterAdd(Strided src, int axis, Strided index, Strided out) {
        ClBuffer ob = in(out.buffer(), "scatterAdd");
        Shape lines = index.shape().with(axis, 1);
        int len = index.shape().dim(axis);
        Geometry g = Geometry.of("scatterAdd", lines, src.view(), index.view(), out.view());
        if (g.numel == 0 || len == 0) {
            return;
        }
        ctx.launch(programs.scatterAdd(ob.dtype())).i32(g.numel).i32(g.rank).ints(g.dims).i32(len)
                .ints(g.layout(0)).mem(in(src.buffer(), "scatterAdd")).i32(src.view().stride(axis))
                .ints(g.layout(1)).mem(in(index.buffer(), "scatterAdd")).i32(index.view().stride(axis))
                .ints(g.layout(2)).mem(ob).i32(out.view().stride(axis)).run1d(g.numel, group);
    }

    /** {@code b} as an operand that is read: its pending zeros are written first. */
    private ClBuffer in(Buffer b, String op) {
        ClBuffer c = own(b, op);
        if (c.zeroPending) {
            CL.clEnqueueFillBuffer(ctx.queue, c.mem(), Pointer.to(new byte[1]), 1, 0, c.bytes(), 0, null, null);
            c.zeroPending = false;
        }
        return c;
    }

    /** {@code s}'s buffer as an output written through {@code s}'s view only. */
    private ClBuffer out(Strided s, String op) {
        ClBuffer c = own(s.buffer(), op);
        View v = s.view();
        if (c.zeroPending && v.offset() == 0 && v.isContiguous() && v.numel() == c.size()) {
            c.zeroPending = false; // every element is about to be written
        }
        return in(c, op);
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

    /**
     * Finishes queued work and releases the device's resources; buffers still in use become
     * invalid. For backends opened directly (tests, tools): the one {@code Backends.of} shares
     * lives as long as the JVM.
     */
    @Override
    public synchronized void close() {
        ctx.close();
        dropStaged();
    }
}
