package dev.nabla.train;

/**
 * What a training batch left, as {@link Callback#onBatchEnd} receives it.
 *
 * @param epoch       the epoch, from 0
 * @param batch       the batch's index in the epoch, from 0
 * @param size        the batch's number of samples N
 * @param loss        the batch's loss
 * @param runningLoss the mean loss over the epoch's samples so far, this batch included
 */
public record BatchEnd(int epoch, int batch, int size, double loss, double runningLoss) {
}
