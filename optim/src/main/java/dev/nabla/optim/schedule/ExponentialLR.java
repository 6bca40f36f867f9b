package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every epoch, as PyTorch's {@code ExponentialLR}:
 * {@code lr = base_lr * gamma^epoch}. A {@code gamma} above 1 grows it, as a learning-rate range
 * test does.
 */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /**
     * @param gamma the factor applied each epoch, {@code > 0}
     * @throws IllegalArgumentException if {@code gamma} is out of range
     */
    public ExponentialLR(Optimizer<?> optimizer, double gamma) {
        super("ExponentialLR", optimizer);
        this.gamma = Checks.positive(name(), "gamma", gamma);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        return lastEpoch() == 0 ? lr : lr * gamma;
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        return baseLr(group) * Math.pow(gamma, lastEpoch());
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("gamma", gamma);
    }
}
