package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Arrays;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch, as PyTorch's
 * {@code MultiStepLR}: {@code lr = base_lr * gamma^(number of milestones <= epoch)}. A milestone
 * given twice applies {@code gamma} twice.
 */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /** {@code gamma} 0.1. */
    public MultiStepLR(Optimizer<?> optimizer, int... milestones) {
        this(optimizer, milestones, 0.1);
    }

    /**
     * @param milestones epochs at which to decay, each {@code >= 0}, in any order
     * @param gamma      the factor applied at each milestone, {@code > 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public MultiStepLR(Optimizer<?> optimizer, int[] milestones, double gamma) {
        super("MultiStepLR", optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        for (int m : this.milestones) {
            Checks.atLeast(name(), "milestone", m, 0);
        }
        this.gamma = Checks.positive(name(), "gamma", gamma);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        int epoch = lastEpoch();
        long count = Arrays.stream(milestones).filter(m -> m == epoch).count();
        return count == 0 ? lr : lr * Math.pow(gamma, count);
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        int epoch = lastEpoch();
        long passed = Arrays.stream(milestones).filter(m -> m <= epoch).count();
        return baseLr(group) * Math.pow(gamma, passed);
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("milestones", Arrays.stream(milestones).asDoubleStream().toArray(), "gamma", gamma);
    }
}
