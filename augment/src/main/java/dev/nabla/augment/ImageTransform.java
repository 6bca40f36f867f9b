package dev.nabla.augment;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Sample;
import dev.nabla.data.SampleTransform;
import dev.nabla.tensor.random.Rng;

/**
 * A seeded, usually random, image transform: {@code [C, H, W]} in, {@code [C', H', W']} out.
 *
 * <p>Every random choice is drawn from the {@link Rng} passed in, so the same image and the same
 * generator state give the same output, whatever thread runs it. Implementations are immutable
 * and safe to share between threads.
 *
 * <p>Every image transform is also a {@link SampleTransform}, so a {@link DataLoader} applies it
 * in its worker threads, giving each sample its own generator (which makes an augmented epoch
 * the same whatever the number of workers):
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(42).workers(2)
 *         .sampleTransform(new RandomRotation(15)).build();
 * }</pre>
 */
@FunctionalInterface
public interface ImageTransform extends SampleTransform {
    /**
     * Transforms {@code image} without modifying it.
     *
     * @param image {@code [C, H, W]}
     * @param rng   the source of every random choice; advanced by the draws made
     * @return a new image (never {@code image} itself)
     */
    HostImage apply(HostImage image, Rng rng);

    /**
     * Transforms a {@code [C, H, W]} tensor: the result has its dtype and device and no gradient
     * history (augmentation is input preparation, not part of a model).
     *
     * @throws IllegalArgumentException if {@code image} is not of rank 3
     */
    default Tensor apply(Tensor image, Rng rng) {
        return apply(HostImage.of(image), rng).toTensor(image.dtype(), image.device());
    }

    /**
     * The sample with its {@code [C, H, W]} features transformed and its label kept.
     *
     * @throws IllegalArgumentException if the features are not of rank 3
     */
    @Override
    default Sample apply(Sample sample, Rng rng) {
        return sample.withFeatures(apply(sample.features(), rng));
    }
}
