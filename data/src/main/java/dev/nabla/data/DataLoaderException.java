package dev.nabla.data;

/**
 * A sample or a batch could not be made: the dataset's {@code get}, a transform or the stacking
 * failed. Thrown in the thread that iterates the {@link DataLoader}, whichever worker hit the
 * problem; the cause is the original exception (with the worker's stack trace).
 */
public final class DataLoaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final int sampleIndex;

    /**
     * @param sampleIndex the dataset index of the failing sample, or -1 when the batch as a whole failed
     */
    DataLoaderException(String message, int epoch, int batch, int sampleIndex, Throwable cause) {
        super(message, cause);
        this.epoch = epoch;
        this.batch = batch;
        this.sampleIndex = sampleIndex;
    }

    static DataLoaderException forSample(int epoch, int batch, int sampleIndex, Throwable cause) {
        return new DataLoaderException("dataLoader: sample " + sampleIndex + " (epoch " + epoch + ", batch " + batch
                + ") failed: " + describe(cause), epoch, batch, sampleIndex, cause);
    }

    static DataLoaderException forBatch(int epoch, int batch, Throwable cause) {
        return new DataLoaderException("dataLoader: batch " + batch + " (epoch " + epoch + ") failed: "
                + describe(cause), epoch, batch, -1, cause);
    }

    /** The same failure, with a stack trace in the calling thread; the cause stays the original. */
    DataLoaderException rethrownHere() {
        return new DataLoaderException(getMessage(), epoch, batch, sampleIndex, getCause());
    }

    /** The epoch in which the failure happened. */
    public int epoch() {
        return epoch;
    }

    /** The batch number (0-based, within the epoch) that was being made. */
    public int batch() {
        return batch;
    }

    /** The dataset index of the sample that failed, or -1 when a batch transform failed. */
    public int sampleIndex() {
        return sampleIndex;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
