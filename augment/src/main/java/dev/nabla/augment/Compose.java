package dev.nabla.augment;

import dev.nabla.tensor.random.Rng;
import java.util.List;

/**
 * Transforms applied one after the other, all drawing from the same generator, as
 * torchvision's {@code Compose}.
 */
public final class Compose implements ImageTransform {
    private final List<ImageTransform> transforms;

    /** Applies {@code transforms} first to last; an empty list copies the image. */
    public Compose(List<? extends ImageTransform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /** Applies {@code transforms} first to last. */
    public static Compose of(ImageTransform... transforms) {
        return new Compose(List.of(transforms));
    }

    @Override
    public HostImage apply(HostImage image, Rng rng) {
        HostImage current = transforms.isEmpty() ? image.copy() : image;
        for (ImageTransform t : transforms) {
            current = t.apply(current, rng);
        }
        return current;
    }

    /** The transforms, first to last. */
    public List<ImageTransform> transforms() {
        return transforms;
    }

    @Override
    public String toString() {
        return "Compose" + transforms;
    }
}
