package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as PyTorch's
 * {@code StepLR}: {@code lr = base_lr * gamma^floor(epoch / stepSize)}.
 */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /** {@code gamma} 0.1. */
    public StepLR(Optimizer<?> optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /**
     * @param stepSize the period of the decay in epochs, {@code >= 1}
     * @param gamma    the factor applied each period, {@code > 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public StepLR(Optimizer<?> optimizer, int stepSize, double gamma) {
        super("StepLR", optimizer);
        this.stepSize = Checks.atLeast(name(), "stepSize", stepSize, 1);
        this.gamma = Checks.positive(name(), "gamma", gamma);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        int epoch = lastEpoch();
        return epoch == 0 || epoch % stepSize != 0 ? lr : lr * gamma;
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        return baseLr(group) * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("step_size", stepSize, "gamma", gamma);
    }
}
