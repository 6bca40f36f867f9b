package dev.nabla.opencl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * A caching allocator of device memory: freed blocks wait in free lists by size class and are
 * reused, so training does not create a cl_mem per operation. Size classes are a quarter of a
 * power of two apart (at most 25% waste), at least 512 bytes.
 *
 * <p>Tensors are freed by the garbage collector (through {@link ClBuffer}'s cleaner), which knows
 * nothing of device memory; so after creating {@code reclaimEvery} bytes without reusing any, and
 * whenever it reaches its limit, the pool asks the collector to run and waits briefly for buffers
 * to come back (at the limit, it first releases its free blocks).
 */
final class BufferPool implements AutoCloseable {
    private static final long MIN_BLOCK = 512;
    private static final int GC_ATTEMPTS = 5;

    /** A cl_mem of {@code bytes} bytes, the size class it was created for. */
    record Block(cl_mem mem, long bytes) {
    }

    private final cl_context context;
    private final long limit;
    private final Map<Long, ArrayDeque<Block>> free = new HashMap<>();
    private long freeBytes;
    private long liveBytes;
    private final long reclaimEvery;
    private long createdSinceReclaim;
    private long created;
    private long reused;
    private boolean closed;

    /**
     * @param limit bytes the pool may hold at once, lent and free together, before it reclaims
     */
    BufferPool(cl_context context, long limit) {
        this.context = context;
        this.limit = limit;
        this.reclaimEvery = Math.max(64L << 20, Math.min(512L << 20, limit / 16));
    }

    /** The size class of a request of {@code bytes}. */
    static long sizeClass(long bytes) {
        if (bytes <= MIN_BLOCK) {
            return MIN_BLOCK;
        }
        long quarter = Long.highestOneBit(bytes - 1) / 4;
        return (bytes + quarter - 1) / quarter * quarter;
    }

    /**
     * A block of at least {@code bytes} bytes, reused if one is free.
     *
     * @throws IllegalStateException if device memory stays exhausted after reclaiming, with the figures
     */
    Block take(long bytes) {
        long size = sizeClass(bytes);
        for (int attempt = 0; ; attempt++) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("opencl: allocate on a closed backend; open a new one with"
                            + " Backends.of(device)");
                }
                ArrayDeque<Block> list = free.get(size);
                if (list != null && !list.isEmpty()) {
                    Block b = list.pop();
                    freeBytes -= size;
                    liveBytes += size;
                    reused++;
                    return b;
                }
                if (liveBytes + freeBytes + size > limit) {
                    releaseFree();
                }
                // Creating memory, rather than reusing, for a while means dead tensors are piling
                // up unseen by the collector: reclaim once before creating more.
                boolean mayCreate = liveBytes + size <= limit && (attempt > 0 || createdSinceReclaim + size
                        <= reclaimEvery);
                if (mayCreate || attempt >= GC_ATTEMPTS) {
                    Block b = tryCreate(size);
                    if (b != null) {
                        return b;
                    }
                    releaseFree();
                }
                if (attempt >= GC_ATTEMPTS) {
                    throw new IllegalStateException("opencl: out of device memory allocating " + bytes + " bytes ("
                            + liveBytes + " bytes in use by live tensors, pool limit " + limit
                            + "); free tensors sooner or use smaller batches");
                }
                createdSinceReclaim = 0;
            }
            reclaim(attempt);
        }
    }

    private Block tryCreate(long size) {
        try {
            cl_mem mem = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, size, null, null);
            liveBytes += size;
            createdSinceReclaim += size;
            created++;
            return new Block(mem, size);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL.CL_OUT_OF_RESOURCES
                    || e.getStatus() == CL.CL_OUT_OF_HOST_MEMORY) {
                return null;
            }
            throw Cl.error("allocate", e, size + " bytes");
        }
    }

    /** Lets the collector find unreachable buffers; their cleaners give their blocks back. */
    private static void reclaim(int attempt) {
        System.gc();
        try {
            Thread.sleep(attempt == 0 ? 1 : 10L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns {@code block} to its free list (or releases it if the pool is closed). */
    synchronized void giveBack(Block block) {
        liveBytes -= block.bytes();
        if (closed) {
            CL.clReleaseMemObject(block.mem());
            return;
        }
        free.computeIfAbsent(block.bytes(), k -> new ArrayDeque<>()).push(block);
        freeBytes += block.bytes();
    }

    /** Releases every free block to the device. Blocks lent out are untouched. */
    synchronized void releaseFree() {
        for (ArrayDeque<Block> list : free.values()) {
            for (Block b : list) {
                CL.clReleaseMemObject(b.mem());
            }
        }
        free.clear();
        freeBytes = 0;
    }

    /** One line of statistics, for diagnostics. */
    synchronized String stats() {
        return String.format("pool: %d bytes live, %d bytes free, %d blocks created, %d reused", liveBytes, freeBytes,
                created, reused);
    }

    /** Releases the free blocks; blocks still lent out are released when given back. */
    @Override
    public synchronized void close() {
        releaseFree();
        closed = true;
    }
}
