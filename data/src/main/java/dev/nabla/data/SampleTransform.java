package dev.nabla.data;

import dev.nabla.tensor.random.Rng;

/**
 * A function on one sample, applied by a {@link DataLoader} in its worker threads before batching
 * (augmentation, per-sample normalization).
 *
 * <p>The {@code rng} is made for this one call from (loader seed, epoch, dataset index) by
 * {@link DataLoader#sampleRng}, so a random transform draws the same values for a sample whatever
 * the number of workers or the batch it lands in. Draw every random number from it (never from
 * {@link Rng#global()}), and keep the transform free of shared mutable state: it runs on several
 * threads at once.
 */
@FunctionalInterface
public interface SampleTransform {

    /**
     * The transformed sample; {@code sample} may be modified and returned.
     *
     * @param sample features {@code [C, H, W]} or {@code [F]} and a label
     * @param rng    this sample's generator, owned by this call
     */
    Sample apply(Sample sample, Rng rng);

    /** This transform, then {@code next}, both drawing from the same per-sample generator. */
    default SampleTransform andThen(SampleTransform next) {
        return (sample, rng) -> next.apply(apply(sample, rng), rng);
    }
}
