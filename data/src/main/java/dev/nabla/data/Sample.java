package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import java.util.Objects;

/**
 * One example of a {@link Dataset}: its features and its label.
 *
 * <p>The built-in data sets give F32 features on the default device with raw values (pixels in
 * {@code 0..255}, digits in {@code 0..16}, CSV cells as written); scaling is a separate step (a
 * {@link Normalizer} applied by the {@link DataLoader}).
 *
 * @param features {@code [C, H, W]} for an image, {@code [F]} for a feature vector; any shape is
 *     allowed, but every sample of one batch must share it
 * @param label    the class index {@code 0, 1, ...} (as the loss functions expect it, stored as a
 *     number) or a regression target
 */
public record Sample(Tensor features, double label) {

    /** @throws NullPointerException if {@code features} is null */
    public Sample {
        Objects.requireNonNull(features, "features");
    }

    /** This sample with other features and the same label. */
    public Sample withFeatures(Tensor newFeatures) {
        return new Sample(newFeatures, label);
    }
}
