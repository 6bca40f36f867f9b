package dev.nabla.simd.gemm;

/**
 * The loops around the micro-kernel, shared by the float and double GEMMs: one instance is one
 * (batched) call, {@code C[b] = (accumulate ? C[b] : 0) + A[b] @ B[b]}, then its epilogue.
 *
 * <p>Loop nest, after Goto and van de Geijn's layered GEMM: columns of C in blocks of {@code nc};
 * the shared dimension in blocks of {@code kc}; batch items in groups whose packed panels fit a
 * memory budget; rows in super-blocks of at most {@code ms}. Inside that nest two parallel phases
 * alternate: packing (B as {@code kc x nr} slivers, A as {@code mr x kc} micro-panels, each
 * operand read once per {@code kc} block with its own strides), then compute tasks that each own
 * a rectangle of C. A task walks its B slivers (one lives in L1) and, for each, its A micro-panels
 * (its rows of A live in L2), calling the element type's micro-kernel on {@code mr x nr} tiles.
 *
 * <p>Short A (at most {@code mc} rows, as in a training batch) and A with contiguous rows take a
 * single parallel phase instead ({@link #runTasks}): each task walks the whole shared dimension for
 * its rectangle of C, and the kernel reads contiguous operand rows in place rather than packed.
 *
 * <p>Every C element is computed by the same chain of FMAs over {@code k} in {@code kc} blocks,
 * whatever task or thread computes it: the shared dimension is never split across tasks. So the
 * result is the same bits for any number of threads, though the task grid is cut for the number
 * of threads ({@link Parallel#threads}).
 */
abstract class GemmJob<P> {

    /**
     * Tasks per compute phase to aim for, per thread: enough for threads slowed by other work to
     * even out, few enough that tasks sharing a band of B rarely pack it twice.
     */
    private static final int TASKS_PER_THREAD = 4;
    /** B slivers, and A micro-panels, packed by one packing task. */
    private static final int PACK_CHUNK = 8;
    /**
     * Strides, in bytes, that are multiples of this map the rows of an operand read in place onto
     * a few cache sets, so that a {@code kc}-row block no longer fits in L2; such operands are
     * packed instead.
     */
    private static final int CONFLICT_BYTES = 2048;
    /**
     * Calls of fewer multiply-adds than this run on the calling thread: a few microseconds of
     * work, where waking a second thread and waiting for it costs about as much as it saves (and
     * far more when that thread has lost its core to another process).
     */
    private static final long SERIAL_MULTIPLY_ADDS = 1L << 20;

    final int batch;
    final int m;
    final int n;
    final int k;
    final int aOffset;
    final int aBatchStride;
    final int aRowStride;
    final int aColStride;
    final int bOffset;
    final int bBatchStride;
    final int bRowStride;
    final int bColStride;
    final int cOffset;
    final int cBatchStride;
    final int cRowStride;
    final boolean accumulate;

    /** Geometry of the element type's kernel and caches; see {@link #run}. */
    private final int mr;
    private final int nr;
    private final int kcMax;
    private final int mcMax;
    private final int ncMax;
    private final int msMax;
    private final long panelBudget;
    private final int elementBytes;

    GemmJob(int batch, int m, int n, int k,
            int aOffset, int aBatchStride, int aRowStride, int aColStride,
            int bOffset, int bBatchStride, int bRowStride, int bColStride,
            int cOffset, int cBatchStride, int cRowStride, boolean accumulate,
            int mr, int nr, int kcMax, int mcMax, int ncMax, int msMax, long panelBudget, int elementBytes) {
        this.batch = batch;
        this.m = m;
        this.n = n;
        this.k = k;
        this.aOffset = aOffset;
        this.aBatchStride = aBatchStride;
        this.aRowStride = aRowStride;
        this.aColStride = aColStride;
        this.bOffset = bOffset;
        this.bBatchStride = bBatchStride;
        this.bRowStride = bRowStride;
        this.bColStride = bColStride;
        this.cOffset = cOffset;
        this.cBatchStride = cBatchStride;
        this.cRowStride = cRowStride;
        this.accumulate = accumulate;
        this.mr = mr;
        this.nr = nr;
        this.kcMax = kcMax;
        this.mcMax = mcMax;
        this.ncMax = ncMax;
        this.msMax = msMax;
        this.panelBudget = panelBudget;
        this.elementBytes = elementBytes;
    }

    /**
     * Packed-panel buffers with room for {@code aLength} A and {@code bLength} B elements, taken
     * from a per-thread cache when it is free.
     */
    abstract P acquirePanels(int aLength, int bLength);

    /** Returns panels to the cache of the thread that acquired them. */
    abstract void releasePanels(P panels);

    /** Sets rows {@code [0, m)} of C for batch {@code item} to zero. */
    abstract void zeroC(int item);

    /**
     * Packs B rows {@code [pc, pc + kc)}, columns {@code jc + [s0, s1) * nr} of batch
     * {@code item} as slivers {@code [s0, s1)} of panel {@code slot}, each {@code kc x nr} with
     * rows of {@code nr} contiguous elements, columns past {@code n} zero.
     */
    abstract void packB(P panels, int item, int slot, int pc, int kc, int jc, int nc, int s0, int s1);

    /**
     * Packs A rows {@code i0 + [p0, p1) * mr}, columns {@code [pc, pc + kc)} of batch
     * {@code item} as micro-panels {@code [p0, p1)} of panel {@code slot}, each {@code mr x kc}
     * stored column by column, or row by row ({@code kc} apart) when A's rows are contiguous,
     * rows past {@code i0 + ms} zero.
     */
    abstract void packA(P panels, int item, int slot, int i0, int ms, int pc, int kc, int p0, int p1);

    /**
     * Updates C rows {@code i0 + [r0, r1)} (multiples of {@code mr} but the last) and columns
     * {@code jc + [s0, s1) * nr} of batch {@code item} with the product of A's and B's
     * {@code [pc, pc + kc)} block; {@code load} is false on the first {@code kc} block of a
     * non-accumulating call, where C's old values are ignored. A comes from panel {@code aSlot},
     * or when {@code aDirect} straight from A's contiguous rows for full micro-panels; B from
     * panel {@code bSlot}, or when {@code bDirect} straight from B's contiguous rows for full
     * slivers. Edge micro-panels and slivers always come from the panels: A's from
     * {@code aPanels}, B's from {@code bPanels}.
     */
    abstract void compute(P aPanels, P bPanels, int item, int aSlot, int bSlot, int i0, int ms, int r0, int r1,
                          int jc, int nc, int s0, int s1, int pc, int kc, boolean load,
                          boolean aDirect, boolean bDirect);

    /**
     * Runs the whole call, spreading packing and compute tasks with {@code par}, and finishing
     * C's rectangles with {@code epilogue}.
     */
    final void run(Parallel parallel, Epilogue epilogue) {
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        Parallel par = (long) batch * m * n * k < SERIAL_MULTIPLY_ADDS ? Parallel.SERIAL : parallel;
        if (k == 0) {
            par.forRange(batch, item -> {
                if (!accumulate) {
                    zeroC(item);
                }
                epilogue.finish(item, 0, m, 0, n);
            });
            return;
        }
        // A read in place saves packing it, once per task; B read in place saves packing it but
        // is read from L2 instead of L1, a good trade only when few rows of A share each sliver.
        boolean aDirect = aColStride == 1 && inPlace(aRowStride);
        boolean bDirect = bColStride == 1 && inPlace(bRowStride) && m <= mcMax;
        if (m <= mcMax || aDirect) {
            runTasks(par, aDirect, bDirect, epilogue);
            return;
        }
        int msFull = Math.min(m, msMax);
        int kcFull = Math.min(k, kcMax);
        long aPanel = (long) roundUp(msFull, mr) * kcFull;
        long bPanel = (long) roundUp(Math.min(n, ncMax), nr) * kcFull;
        int group = (int) Math.max(1, Math.min(batch, panelBudget / (aPanel + bPanel)));
        int bSlots = bBatchStride == 0 ? 1 : group;
        P panels = acquirePanels((int) (aPanel * group), (int) (bPanel * bSlots));
        try {
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc);
                for (int pc = 0; pc < k; pc += kcMax) {
                    int kc = Math.min(kcMax, k - pc);
                    boolean load = accumulate || pc > 0;
                    for (int g0 = 0; g0 < batch; g0 += group) {
                        int items = Math.min(group, batch - g0);
                        block(par, panels, g0, items, jc, nc, pc, kc, load);
                    }
                }
            }
        } finally {
            releasePanels(panels);
        }
        if (epilogue != Epilogue.NONE) {
            int bands = ceilDiv(m, mcMax);
            par.forRange(batch * bands, t -> {
                int row0 = t % bands * mcMax;
                epilogue.finish(t / bands, row0, Math.min(mcMax, m - row0), 0, n);
            });
        }
    }

    /**
     * Short A, or A read in place: a single parallel phase. Each task owns a rectangle of C (all
     * rows, or a band of rows when columns alone give too few tasks, by a band of columns) and
     * walks the whole shared dimension itself, packing what it reads of B and A into its own
     * panels. Packing is then repeated by tasks sharing rows or columns, which costs less here
     * than a phase per {@code kc} block costs in thread wake-ups; except that a packed A of a
     * single {@code kc} block, which every column task would repeat, is packed once beforehand.
     * A task finishes its rectangle with the epilogue as soon as it has walked the shared
     * dimension.
     */
    private void runTasks(Parallel par, boolean aDirect, boolean bDirect, Epilogue epilogue) {
        int slivers = ceilDiv(n, nr);
        int target = targetTasks(par);
        int colTasks = Math.min(slivers, ceilDiv(target, batch));
        int sliversPerTask = Math.min(ceilDiv(ncMax, nr), ceilDiv(slivers, colTasks));
        colTasks = ceilDiv(slivers, sliversPerTask);
        int rowTasks = Math.min(ceilDiv(m, mcMax), Math.max(1, target / (batch * colTasks)));
        int rowsPerTask = roundUp(ceilDiv(m, rowTasks), mr);
        rowTasks = ceilDiv(m, rowsPerTask);
        int perItem = rowTasks * colTasks;
        int cols = colTasks;
        int kcFull = Math.min(k, kcMax);
        // Tasks side by side would each pack the same rows of A: with one kc block (and A short,
        // as here unless it is read in place) it is packed once, in a phase of its own.
        long sharedLength = (long) batch * roundUp(m, mr) * k;
        boolean shareA = !aDirect && colTasks > 1 && k <= kcMax && sharedLength <= panelBudget;
        P shared = shareA ? acquirePanels((int) sharedLength, 0) : null;
        try {
            if (shareA) {
                int aPanels = ceilDiv(m, mr);
                int aChunks = ceilDiv(aPanels, PACK_CHUNK);
                par.forRange(batch * aChunks, t -> {
                    int p0 = t % aChunks * PACK_CHUNK;
                    packA(shared, t / aChunks, t / aChunks, 0, m, 0, k, p0, Math.min(aPanels, p0 + PACK_CHUNK));
                });
            }
            par.forRange(batch * perItem, t -> {
                int item = t / perItem;
                int row0 = (t % perItem) / cols * rowsPerTask;
                int jc = t % cols * sliversPerTask * nr;
                int nc = Math.min(sliversPerTask * nr, n - jc);
                int rows = Math.min(rowsPerTask, m - row0);
                int bandSlivers = ceilDiv(nc, nr);
                int blockMax = Math.min(rows, mcMax);
                P own = acquirePanels(shareA ? 0 : roundUp(blockMax, mr) * kcFull, bandSlivers * nr * kcFull);
                try {
                    for (int pc = 0; pc < k; pc += kcMax) {
                        int kc = Math.min(kcMax, k - pc);
                        boolean load = accumulate || pc > 0;
                        packB(own, item, 0, pc, kc, jc, nc, bDirect ? nc / nr : 0, bandSlivers);
                        if (shareA) {
                            compute(shared, own, item, item, 0, 0, m, row0, row0 + rows, jc, nc, 0, bandSlivers,
                                    pc, kc, load, false, bDirect);
                            continue;
                        }
                        for (int i0 = row0; i0 < row0 + rows; i0 += mcMax) {
                            int ms = Math.min(mcMax, row0 + rows - i0);
                            packA(own, item, 0, i0, ms, pc, kc, aDirect ? ms / mr : 0, ceilDiv(ms, mr));
                            compute(own, own, item, 0, 0, i0, ms, 0, ms, jc, nc, 0, bandSlivers, pc, kc,
                                    load, aDirect, bDirect);
                        }
                    }
                    epilogue.finish(item, row0, rows, jc, nc);
                } finally {
                    releasePanels(own);
                }
            });
        } finally {
            if (shared != null) {
                releasePanels(shared);
            }
        }
    }

    /** True when an operand whose rows are {@code stride} elements apart may be read in place. */
    private boolean inPlace(int stride) {
        long bytes = Math.abs((long) stride) * elementBytes;
        return bytes % CONFLICT_BYTES != 0 || bytes < CONFLICT_BYTES;
    }

    /** One {@code kc x nc} block of B against all rows of A for batch items {@code g0 + [0, items)}. */
    private void block(Parallel par, P panels, int g0, int items, int jc, int nc, int pc, int kc, boolean load) {
        int slivers = ceilDiv(nc, nr);
        int bItems = bBatchStride == 0 ? 1 : items;
        int bChunks = ceilDiv(slivers, PACK_CHUNK);
        for (int i0 = 0; i0 < m; i0 += msMax) {
            int ms = Math.min(msMax, m - i0);
            int row0 = i0;
            int aPanels = ceilDiv(ms, mr);
            int aChunks = ceilDiv(aPanels, PACK_CHUNK);
            int bTasks = i0 == 0 ? bItems * bChunks : 0;
            par.forRange(bTasks + items * aChunks, t -> {
                if (t < bTasks) {
                    int s0 = (t % bChunks) * PACK_CHUNK;
                    packB(panels, g0 + t / bChunks, t / bChunks, pc, kc, jc, nc, s0, Math.min(slivers, s0 + PACK_CHUNK));
                } else {
                    int u = t - bTasks;
                    int p0 = (u % aChunks) * PACK_CHUNK;
                    packA(panels, g0 + u / aChunks, u / aChunks, row0, ms, pc, kc, p0, Math.min(aPanels, p0 + PACK_CHUNK));
                }
            });
            int rowTasks = ceilDiv(ms, mcMax);
            int rowsPerTask = roundUp(ceilDiv(ms, rowTasks), mr);
            rowTasks = ceilDiv(ms, rowsPerTask);
            int colTasks = Math.min(slivers, Math.max(1, ceilDiv(targetTasks(par), rowTasks * items)));
            int sliversPerTask = ceilDiv(slivers, colTasks);
            colTasks = ceilDiv(slivers, sliversPerTask);
            int perItem = rowTasks * colTasks;
            int cols = colTasks;
            par.forRange(items * perItem, t -> {
                int item = t / perItem;
                int rt = (t % perItem) / cols;
                int ct = t % cols;
                int r0 = rt * rowsPerTask;
                int s0 = ct * sliversPerTask;
                compute(panels, panels, g0 + item, item, bBatchStride == 0 ? 0 : item, row0, ms,
                        r0, Math.min(ms, r0 + rowsPerTask), jc, nc, s0, Math.min(slivers, s0 + sliversPerTask),
                        pc, kc, load, false, false);
            });
        }
    }

    /** One task on one thread (no band of B packed twice), else a few per thread. */
    private static int targetTasks(Parallel par) {
        int threads = par.threads();
        return threads == 1 ? 1 : TASKS_PER_THREAD * threads;
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
