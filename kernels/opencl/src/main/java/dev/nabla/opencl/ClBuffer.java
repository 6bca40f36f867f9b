package dev.nabla.opencl;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import java.lang.ref.Cleaner;
import org.jocl.cl_mem;

/**
 * Device memory holding {@code size()} elements of {@code dtype()}, a block lent by the backend's
 * {@link BufferPool}. {@link #close()} gives the block back for reuse; a buffer that becomes
 * unreachable without being closed is given back by a {@link Cleaner}, as a safety net.
 *
 * <p>Giving a block back while kernels that use it are still queued is safe: every command runs
 * on one in-order queue, so the block's next user is ordered after them.
 */
public final class ClBuffer implements Buffer, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final BufferPool pool;
    private final DType dtype;
    private final int size;
    private final BufferPool.Block block;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;
    /** Allocated as zeros that are not written yet: see {@link OpenClBackend#allocate}. */
    boolean zeroPending;

    ClBuffer(BufferPool pool, DType dtype, int size, BufferPool.Block block) {
        this.pool = pool;
        this.dtype = dtype;
        this.size = size;
        this.block = block;
        // The action must not refer to this buffer, or it would never become unreachable.
        this.cleanable = CLEANER.register(this, () -> pool.giveBack(block));
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int size() {
        return size;
    }

    /** The pool the memory came from: identifies the backend that owns this buffer. */
    BufferPool pool() {
        return pool;
    }

    /** Bytes of the elements (the block may be larger). */
    long bytes() {
        return (long) size * dtype.byteSize();
    }

    /**
     * The device memory.
     *
     * @throws IllegalStateException if the buffer was closed
     */
    cl_mem mem() {
        if (closed) {
            throw new IllegalStateException("opencl: buffer of " + size + " " + dtype
                    + " elements used after close(); keep tensors alive while they are in use");
        }
        return block.mem();
    }

    /** Gives the memory back to the pool; later uses fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "ClBuffer[" + size + " x " + dtype + (closed ? ", closed]" : "]");
    }
}
