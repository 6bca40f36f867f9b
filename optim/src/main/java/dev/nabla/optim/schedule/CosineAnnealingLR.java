package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Anneals the learning rate from its base to {@code etaMin} along half a cosine over {@code tMax}
 * epochs, and back up over the next {@code tMax} (a cosine of period {@code 2 tMax}), as
 * PyTorch's {@code CosineAnnealingLR}:
 * {@code lr = etaMin + (base_lr - etaMin) * (1 + cos(pi * epoch / tMax)) / 2}. The chainable form
 * is PyTorch's recursion, which scales the distance to {@code etaMin} by the ratio of successive
 * cosine terms (and steps by a constant where that ratio is undefined), so it composes with other
 * schedulers. For restarts from the top, see {@link CosineAnnealingWarmRestarts}.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /** {@code etaMin} 0. */
    public CosineAnnealingLR(Optimizer<?> optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /**
     * @param tMax   the epochs of half a period, {@code >= 1}
     * @param etaMin the lowest learning rate, {@code >= 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public CosineAnnealingLR(Optimizer<?> optimizer, int tMax, double etaMin) {
        super("CosineAnnealingLR", optimizer);
        this.tMax = Checks.atLeast(name(), "tMax", tMax, 1);
        this.etaMin = Checks.nonNegative(name(), "etaMin", etaMin);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        int epoch = lastEpoch();
        if (epoch == 0) {
            return lr;
        }
        if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            return lr + (baseLr(group) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
                * (lr - etaMin) + etaMin;
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        return etaMin + (baseLr(group) - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("T_max", tMax, "eta_min", etaMin);
    }
}
