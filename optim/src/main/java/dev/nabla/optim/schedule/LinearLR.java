package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Changes the learning rate linearly from {@code startFactor} to {@code endFactor} times its base
 * over {@code totalIters} epochs, then holds it, as PyTorch's {@code LinearLR}: a linear warm-up
 * (start below end) or a linear decay. {@code lr = base_lr * (startFactor + (endFactor -
 * startFactor) * min(epoch, totalIters) / totalIters)}.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /** From 1/3 to 1 over 5 epochs, as PyTorch's defaults. */
    public LinearLR(Optimizer<?> optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * @param startFactor the multiplier at epoch 0, in {@code (0, 1]}
     * @param endFactor   the multiplier from epoch {@code totalIters} on, in {@code [0, 1]}
     * @param totalIters  the length of the ramp in epochs, {@code >= 1}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public LinearLR(Optimizer<?> optimizer, double startFactor, double endFactor, int totalIters) {
        super("LinearLR", optimizer);
        this.startFactor = Checks.factor(name(), "startFactor", startFactor);
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException(name() + ": endFactor " + endFactor + " must lie in [0, 1]");
        }
        this.endFactor = endFactor;
        this.totalIters = Checks.atLeast(name(), "totalIters", totalIters, 1);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        int epoch = lastEpoch();
        if (epoch == 0) {
            return lr * startFactor;
        }
        if (epoch > totalIters) {
            return lr;
        }
        return lr * (1. + (endFactor - startFactor)
                / (totalIters * startFactor + (epoch - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        return baseLr(group)
                * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters);
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("start_factor", startFactor, "end_factor", endFactor, "total_iters", totalIters);
    }
}
