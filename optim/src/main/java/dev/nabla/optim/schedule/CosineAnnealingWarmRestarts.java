package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import java.util.Map;

/**
 * Cosine annealing with warm restarts (SGDR), as PyTorch's {@code CosineAnnealingWarmRestarts}:
 * {@code lr = etaMin + (base_lr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2}, where {@code T_cur}
 * counts the epochs since the last restart and {@code T_i} is the length of the current cycle:
 * {@code t0} at first, multiplied by {@code tMult} at each restart. {@link #step(double)} takes
 * fractional epochs, for stepping after every batch ({@code epoch + batch / batches}).
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private final int t0;
    private final int tMult;
    private final double etaMin;
    private long tI;
    private double tCur;

    /** {@code tMult} 1, {@code etaMin} 0: every cycle is {@code t0} epochs long. */
    public CosineAnnealingWarmRestarts(Optimizer<?> optimizer, int t0) {
        this(optimizer, t0, 1, 0);
    }

    /**
     * @param t0     the length of the first cycle in epochs, {@code >= 1}
     * @param tMult  the factor by which each cycle is longer than the one before, {@code >= 1}
     * @param etaMin the lowest learning rate, {@code >= 0}
     * @throws IllegalArgumentException if a setting is out of range
     */
    public CosineAnnealingWarmRestarts(Optimizer<?> optimizer, int t0, int tMult, double etaMin) {
        super("CosineAnnealingWarmRestarts", optimizer);
        this.t0 = Checks.atLeast(name(), "t0", t0, 1);
        this.tMult = Checks.atLeast(name(), "tMult", tMult, 1);
        this.etaMin = Checks.nonNegative(name(), "etaMin", etaMin);
        initialStep();
    }

    /** Moves one epoch on, restarting the cycle when it is complete. */
    @Override
    public void step() {
        if (lastEpoch() < 0) {
            step(0.0);
            return;
        }
        tCur += 1;
        if (tCur >= tI) {
            tCur -= tI;
            tI *= tMult;
        }
        super.step();
    }

    /** Jumps to {@code epoch}; see {@link #step(double)}. */
    @Override
    public void step(int epoch) {
        step((double) epoch);
    }

    /**
     * Jumps to the (possibly fractional) {@code epoch}, finding the cycle it falls in.
     *
     * @throws IllegalArgumentException if {@code epoch} is negative or not finite
     */
    public void step(double epoch) {
        if (!(epoch >= 0 && epoch < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(name() + ".step: epoch " + epoch + " must be a finite number >= 0");
        }
        if (epoch < t0) {
            tI = t0;
            tCur = epoch;
        } else if (tMult == 1) {
            tCur = epoch % t0;
        } else {
            int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
            long power = Math.round(Math.pow(tMult, n));
            tCur = epoch - (double) (t0 * (power - 1)) / (tMult - 1);
            tI = t0 * power;
        }
        super.step((int) Math.floor(epoch));
    }

    @Override
    protected double chainableLr(int group, double lr) {
        return etaMin + (baseLr(group) - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("T_0", t0, "T_mult", tMult, "eta_min", etaMin);
    }

    /** {@code T_i} and {@code T_cur}. */
    @Override
    void writeProgress(SchedulerState.Writer w) {
        w.put("T_i", tI).put("T_cur", tCur);
    }

    @Override
    Runnable readProgress(SchedulerState.Reader r) {
        int cycle = r.integer("T_i", t0);
        double cur = r.scalar("T_cur");
        if (!(cur >= 0 && cur < cycle)) {
            r.problem("T_cur " + cur + " must lie in [0, T_i = " + cycle + ")");
        }
        return () -> {
            tI = cycle;
            tCur = cur;
        };
    }
}
