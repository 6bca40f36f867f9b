package dev.nabla.data;

/** How an image is resampled to a target size (both are separable: rows, then columns). */
public enum ResizeMethod {
    /**
     * Bilinear interpolation with pixel centres at {@code i + 0.5}, clamped at the borders: the
     * same as PyTorch's {@code interpolate(mode="bilinear", align_corners=False, antialias=False)}.
     * Good for enlarging and mild shrinking; aliases when shrinking a lot.
     */
    BILINEAR,
    /**
     * Area averaging: each output pixel is the mean of the input area it covers, with partial
     * pixels weighted by their overlap (as OpenCV's {@code INTER_AREA} when shrinking, and exactly
     * PyTorch's {@code adaptive_avg_pool2d} for integer factors). The right choice for shrinking
     * photos to a small size.
     */
    AREA
}
