package dev.nabla.nn;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.spi.Backends;
import java.util.Set;

/**
 * Batch normalisation of an input {@code [N, C, H, W]} per channel C; output of
 * the input's shape. See {@link BatchNorm} for the computation, the modes and the state.
 */
public final class BatchNorm2d extends BatchNorm {
    /** eps 1e-5, momentum 0.1, affine, with running statistics; F32 on the default device. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, DEFAULT_EPS, DEFAULT_MOMENTUM, true, true, DType.F32, Backends.defaultDevice());
    }

    /**
     * @param momentum          the running-average factor in [0, 1], or null for a cumulative average
     * @param affine            whether to learn a per-channel weight (init 1) and bias (init 0)
     * @param trackRunningStats whether to keep running statistics for evaluation mode
     * @throws IllegalArgumentException if numFeatures is not positive, eps negative or momentum outside [0, 1]
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats,
                       DType dtype, Device device) {
        super("[N, C, H, W]", Set.of(4), numFeatures, eps, momentum, affine, trackRunningStats, dtype, device);
    }
}
