package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Holds the learning rate at {@code factor} times its base for the first {@code totalIters}
 * epochs, then at the base, as PyTorch's {@code ConstantLR}: a constant warm-up.
 * {@code lr = base_lr * (epoch < totalIters ? factor : 1)}.
 */
public final class ConstantLR extends LRScheduler {
    private final double factor;
    private final int totalIters;

    /** {@code factor} 1/3 for 5 epochs, as PyTorch's defaults. */
    public ConstantLR(Optimizer<?> optimizer) {
        this(optimizer, 1.0 / 3, 5);
    }

    /**
     * @param factor     the multiplier during the first epochs, in {@code (0, 1]}
     * @param totalIters the number of epochs it applies to, {@code >= 1}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public ConstantLR(Optimizer<?> optimizer, double factor, int totalIters) {
        super("ConstantLR", optimizer);
        this.factor = Checks.factor(name(), "factor", factor);
        this.totalIters = Checks.atLeast(name(), "totalIters", totalIters, 1);
        initialStep();
    }

    @Override
    protected double chainableLr(int group, double lr) {
        int epoch = lastEpoch();
        if (epoch == 0) {
            return lr * factor;
        }
        return epoch == totalIters ? lr * (1.0 / factor) : lr;
    }

    @Override
    protected double closedFormLr(int group, double lr) {
        return baseLr(group) * (factor + (lastEpoch() >= totalIters ? 1 - factor : 0.0));
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("factor", factor, "total_iters", totalIters);
    }
}
