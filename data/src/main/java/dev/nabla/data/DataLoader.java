package dev.nabla.data;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns a {@link Dataset} into batches: features {@code [N, C, H, W]} or {@code [N, F]} and
 * labels {@code [N]} (F32 class indices, as the loss functions take them), like PyTorch's
 * {@code DataLoader}.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(42).workers(2).build();
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Batch b : loader.epoch(epoch)) {
 *         Tensor loss = Losses.crossEntropy(model.call(b.features()), b.labels());
 *     }
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> Everything random is derived from the seed: epoch {@code k}'s order is a
 * permutation drawn from (seed, k); sample {@code i}'s transform gets {@link #sampleRng}(seed, k,
 * i); batch {@code b}'s transform gets {@link #batchRng}(seed, k, b). So a seed gives the same
 * batches whatever the number of workers, and iterating an epoch twice gives the same batches.
 *
 * <p><b>Workers.</b> With {@code workers(0)} (the default) batches are made in the iterating
 * thread. With {@code workers(w > 0)} they are made on {@code w} daemon threads, each building
 * whole batches, at most {@code prefetch} batches ahead of the consumer; see
 * {@link BatchIterator} for stopping early. Idle worker threads exit after a few seconds;
 * {@link #close()} stops them at once.
 */
public final class DataLoader implements Iterable<Batch>, AutoCloseable {
    private static final long WORKER_KEEP_ALIVE_SECONDS = 5;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int workers;
    private final int prefetch;
    private final Consumer<Progress> progress;
    private final BatchMaker maker;
    private final AtomicInteger nextEpoch = new AtomicInteger();
    private ExecutorService executor;
    private boolean closed;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed != null ? b.seed : Rng.global().nextLong();
        this.dropLast = b.dropLast;
        this.workers = b.workers;
        this.prefetch = b.prefetch != null ? b.prefetch : 2 * b.workers;
        this.progress = b.progress;
        Device device = b.device != null ? b.device : Backends.defaultDevice();
        this.maker = new BatchMaker(dataset, batchSize, seed, b.sampleTransform, b.batchTransform, device);
    }

    /** A builder for a loader over {@code dataset}; only the dataset is required. */
    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    /**
     * The generator a {@link SampleTransform} gets for dataset index {@code index} in
     * {@code epoch} of a loader seeded with {@code seed}: a fresh generator each call, the same
     * for the same three numbers.
     */
    public static Rng sampleRng(long seed, int epoch, int index) {
        return new Rng(SeedDerivation.derive(seed, SeedDerivation.SAMPLE, epoch, index));
    }

    /** The generator a {@link BatchTransform} gets for batch {@code batch} of {@code epoch}; see {@link #sampleRng}. */
    public static Rng batchRng(long seed, int epoch, int batch) {
        return new Rng(SeedDerivation.derive(seed, SeedDerivation.BATCH, epoch, batch));
    }

    /**
     * The next epoch: the first call iterates epoch 0, the next epoch 1, and so on, so a plain
     * {@code for (Batch b : loader)} reshuffles on every pass.
     *
     * @throws IllegalStateException if the loader is closed
     */
    @Override
    public BatchIterator iterator() {
        return iterator(nextEpoch.getAndIncrement());
    }

    /**
     * The batches of epoch {@code epoch}, as an {@link Iterable} for a for-each loop; each
     * {@code iterator()} call walks the same batches again.
     */
    public Iterable<Batch> epoch(int epoch) {
        checkEpoch(epoch);
        return () -> iterator(epoch);
    }

    /**
     * An iterator over the batches of epoch {@code epoch}; close it when stopping early.
     *
     * @throws IllegalArgumentException if {@code epoch < 0}
     * @throws IllegalStateException if the loader is closed
     */
    public BatchIterator iterator(int epoch) {
        return iterator(epoch, 0);
    }

    /**
     * An iterator over the batches of epoch {@code epoch} from batch {@code firstBatch} on: the
     * same batches {@link #iterator(int)} hands out after its first {@code firstBatch}, without
     * making those (a resumed run continues mid-epoch this way).
     *
     * @throws IllegalArgumentException if {@code epoch < 0} or {@code firstBatch} is not in {@code [0, numBatches()]}
     * @throws IllegalStateException if the loader is closed
     */
    public BatchIterator iterator(int epoch, int firstBatch) {
        checkEpoch(epoch);
        if (firstBatch < 0 || firstBatch > numBatches()) {
            throw new IllegalArgumentException("dataLoader: firstBatch must be in [0, " + numBatches() + "], got "
                    + firstBatch);
        }
        return new BatchIterator(maker, workers == 0 ? null : executor(), prefetch, progress, epoch, order(epoch),
                firstBatch, numBatches(), numSamples(), (long) firstBatch * batchSize);
    }

    /**
     * The dataset indices in the order epoch {@code epoch} visits them (all of them, including
     * those a dropped last batch leaves out): {@code 0, 1, ...} without shuffling, else a
     * permutation drawn from (seed, epoch).
     */
    public int[] order(int epoch) {
        checkEpoch(epoch);
        int n = dataset.size();
        if (shuffle) {
            return new Rng(SeedDerivation.derive(seed, SeedDerivation.SHUFFLE, epoch, 0)).permutation(n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Batches per epoch: {@code floor(n / batchSize)} when dropping the last partial batch, else {@code ceil}. */
    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Samples per epoch: the dataset size, less the dropped partial batch if any. */
    public long numSamples() {
        return dropLast ? (long) numBatches() * batchSize : dataset.size();
    }

    /** The dataset batches are drawn from. */
    public Dataset dataset() {
        return dataset;
    }

    /** Samples per batch (the last batch may hold fewer unless {@code dropLast}). */
    public int batchSize() {
        return batchSize;
    }

    /** The seed everything random is derived from (given to the builder, else drawn from {@link Rng#global()}). */
    public long seed() {
        return seed;
    }

    /** The number of worker threads; 0 makes batches in the iterating thread. */
    public int workers() {
        return workers;
    }

    /**
     * Stops the worker threads; batches still being made are abandoned, and an iteration in
     * progress ends with an {@link IllegalStateException} at its next batch. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            // Batches never started are cancelled, so that an iterator waiting on one fails instead of hanging.
            for (Runnable queued : executor.shutdownNow()) {
                if (queued instanceof Future<?> batch) {
                    batch.cancel(false);
                }
            }
        }
    }

    private synchronized ExecutorService executor() {
        if (closed) {
            throw new IllegalStateException("dataLoader: the loader is closed; build a new one to iterate again");
        }
        if (executor == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, WORKER_KEEP_ALIVE_SECONDS,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
            pool.allowCoreThreadTimeOut(true);
            executor = pool;
        }
        return executor;
    }

    private synchronized void checkEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("dataLoader: epoch must be >= 0, got " + epoch);
        }
        if (closed) {
            throw new IllegalStateException("dataLoader: the loader is closed; build a new one to iterate again");
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nabla-data-" + pool + "-worker-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Settings of a {@link DataLoader}; every one is optional. Validated in {@link #build()}.
     */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 1;
        private boolean shuffle;
        private Long seed;
        private boolean dropLast;
        private int workers;
        private Integer prefetch;
        private SampleTransform sampleTransform;
        private BatchTransform batchTransform;
        private Consumer<Progress> progress;
        private Device device;

        private Builder(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        /** Samples per batch; default 1, as in PyTorch. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Visits the samples in a new random order each epoch, derived from {@code seed}. */
        public Builder shuffle(long seed) {
            this.shuffle = true;
            this.seed = seed;
            return this;
        }

        /**
         * The seed of the transforms' generators (and of shuffling, if on) without turning
         * shuffling on. Default: drawn from {@link Rng#global()} at {@link #build()}.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Drops the last batch of an epoch when it would hold fewer than {@code batchSize} samples; default false. */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Worker threads making batches in the background; default 0 (the iterating thread makes them). */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Batches made ahead of the consumer (the bound of the queue); default {@code 2 * workers}. */
        public Builder prefetch(int batches) {
            this.prefetch = batches;
            return this;
        }

        /**
         * Adds a transform applied to each sample (in the worker threads) before batching; several
         * calls apply the transforms in call order.
         */
        public Builder sampleTransform(SampleTransform transform) {
            Objects.requireNonNull(transform, "transform");
            this.sampleTransform = sampleTransform == null ? transform : sampleTransform.andThen(transform);
            return this;
        }

        /** Adds a transform applied to each stacked batch (in the worker threads); several calls apply in call order. */
        public Builder batchTransform(BatchTransform transform) {
            Objects.requireNonNull(transform, "transform");
            this.batchTransform = batchTransform == null ? transform : batchTransform.andThen(transform);
            return this;
        }

        /** Called in the iterating thread after each batch is handed out, e.g. to draw a progress bar. */
        public Builder progress(Consumer<Progress> listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The device batches are created on; default {@link Backends#defaultDevice()}. */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * The loader.
         *
         * @throws IllegalArgumentException if batchSize < 1, workers < 0, prefetch < 1 with
         *     workers, or the dataset is empty
         */
        public DataLoader build() {
            if (batchSize < 1) {
                throw new IllegalArgumentException("dataLoader: batchSize must be >= 1, got " + batchSize);
            }
            if (workers < 0) {
                throw new IllegalArgumentException("dataLoader: workers must be >= 0, got " + workers
                        + " (0 makes batches in the iterating thread)");
            }
            if (prefetch != null && workers > 0 && prefetch < 1) {
                throw new IllegalArgumentException("dataLoader: prefetch must be >= 1 with " + workers
                        + " workers, got " + prefetch);
            }
            if (dataset.size() == 0) {
                throw new IllegalArgumentException("dataLoader: the dataset is empty");
            }
            return new DataLoader(this);
        }
    }
}
