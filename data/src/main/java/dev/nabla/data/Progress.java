package dev.nabla.data;

/**
 * Where an epoch of a {@link DataLoader} stands, reported after each batch is handed out (see
 * {@link DataLoader.Builder#progress}): enough for a progress bar.
 *
 * @param epoch        the epoch number
 * @param batches      batches handed out so far in this epoch, {@code 1..totalBatches}
 * @param totalBatches batches in this epoch
 * @param samples      samples handed out so far in this epoch
 * @param totalSamples samples in this epoch (fewer than the dataset holds when the last partial
 *     batch is dropped)
 */
public record Progress(int epoch, int batches, int totalBatches, long samples, long totalSamples) {

    /** {@code batches / totalBatches}, in {@code [0, 1]}; 1 for an empty epoch. */
    public double fraction() {
        return totalBatches == 0 ? 1.0 : (double) batches / totalBatches;
    }

    /** True once the last batch of the epoch has been handed out. */
    public boolean done() {
        return batches == totalBatches;
    }
}
