package dev.nabla.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One pass over a {@link DataLoader}'s batches for one epoch, in order.
 *
 * <p>With workers, up to the loader's prefetch count of batches are being made ahead on the
 * worker threads while the caller consumes earlier ones; they are handed out in batch order, so
 * the sequence is the same as without workers. A failure in a worker is rethrown from
 * {@link #next()} as a {@link DataLoaderException} naming the sample, and ends the iteration.
 *
 * <p>Stopping early: {@link #close()} cancels the batches not yet started (at most the ones
 * already running finish and are dropped). Use try-with-resources when a loop may break out;
 * an abandoned iterator leaves at most the prefetch count of batches to finish, after which idle
 * worker threads exit on their own. Not thread-safe: iterate from one thread.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
    private final BatchMaker maker;
    private final ExecutorService executor;
    private final int prefetch;
    private final Consumer<Progress> progress;
    private final int epoch;
    private final int[] order;
    private final int totalBatches;
    private final long totalSamples;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private int submitted;
    private int handedOut;
    private long samples;
    private boolean closed;

    /**
     * @param executor       null to make every batch in the calling thread
     * @param progress       null for no progress reports
     * @param firstBatch     the first batch handed out; those before it are not made
     * @param skippedSamples the samples of the batches before {@code firstBatch}
     */
    BatchIterator(BatchMaker maker, ExecutorService executor, int prefetch, Consumer<Progress> progress, int epoch,
            int[] order, int firstBatch, int totalBatches, long totalSamples, long skippedSamples) {
        this.maker = maker;
        this.executor = executor;
        this.prefetch = prefetch;
        this.progress = progress;
        this.epoch = epoch;
        this.order = order;
        this.totalBatches = totalBatches;
        this.totalSamples = totalSamples;
        this.submitted = firstBatch;
        this.handedOut = firstBatch;
        this.samples = skippedSamples;
        if (executor != null) {
            submitAhead();
        }
    }

    /** The epoch this iterator walks. */
    public int epoch() {
        return epoch;
    }

    /** True while batches remain and the iterator has not been closed or failed. */
    @Override
    public boolean hasNext() {
        return !closed && handedOut < totalBatches;
    }

    /**
     * The next batch: features {@code [N, ...]}, labels {@code [N]}.
     *
     * @throws NoSuchElementException if the epoch is over or the iterator was closed
     * @throws DataLoaderException if making the batch failed (the iterator is then closed)
     * @throws IllegalStateException if the loader was closed during the iteration
     */
    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("dataLoader: epoch " + epoch + " has no batch left (" + handedOut + " of "
                    + totalBatches + " handed out" + (closed ? ", iterator closed" : "") + ")");
        }
        Batch batch;
        try {
            batch = executor == null ? maker.make(epoch, handedOut, order) : awaitHead();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        handedOut++;
        samples += batch.size();
        if (handedOut == totalBatches) {
            close();
        }
        if (progress != null) {
            progress.accept(new Progress(epoch, handedOut, totalBatches, samples, totalSamples));
        }
        return batch;
    }

    /** Cancels the batches not yet started and ends the iteration; idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Future<Batch> f : inFlight) {
            f.cancel(false);
        }
        inFlight.clear();
    }

    private Batch awaitHead() {
        Future<Batch> head = inFlight.poll();
        submitAhead();
        try {
            return head.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DataLoaderException d) {
                throw d.rethrownHere();
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw DataLoaderException.forBatch(epoch, handedOut, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataLoaderException.forBatch(epoch, handedOut, e);
        } catch (CancellationException e) {
            throw closedDuringIteration(e);
        }
    }

    private IllegalStateException closedDuringIteration(RuntimeException cause) {
        return new IllegalStateException("dataLoader: the loader was closed while epoch " + epoch
                + " was being iterated (" + handedOut + " of " + totalBatches + " batches handed out)", cause);
    }

    private void submitAhead() {
        while (inFlight.size() < prefetch && submitted < totalBatches) {
            int batch = submitted++;
            try {
                inFlight.add(executor.submit(() -> maker.make(epoch, batch, order)));
            } catch (RejectedExecutionException e) {
                throw closedDuringIteration(e);
            }
        }
    }
}
