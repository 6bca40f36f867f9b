package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lowers the learning rate when a metric has stopped improving, as PyTorch's
 * {@code ReduceLROnPlateau}. Call {@link #step(double)} with the metric (a validation loss, say)
 * once per epoch. A value is an improvement if it beats the best so far by the threshold:
 * {@code a < best * (1 - threshold)} (mode min, relative), {@code a < best - threshold} (min,
 * absolute), {@code a > best * (1 + threshold)} (max, relative) or {@code a > best + threshold}
 * (max, absolute). After more than {@code patience} epochs without improvement, each group's rate
 * becomes {@code max(lr * factor, minLr)} (unless that changes it by no more than {@code eps}),
 * and the next {@code cooldown} epochs are not counted.
 */
public final class ReduceLROnPlateau {
    private static final String NAME = "ReduceLROnPlateau";

    /** Whether the metric should fall (a loss) or rise (an accuracy). */
    public enum Mode {
        /** Lower is better (stored as 0). */
        MIN,
        /** Higher is better (stored as 1). */
        MAX
    }

    /** How the threshold for an improvement is measured. */
    public enum ThresholdMode {
        /** A fraction of the best value (stored as 0). */
        REL,
        /** An amount in the metric's units (stored as 1). */
        ABS
    }

    /**
     * The settings, PyTorch's defaults from {@link #defaults()}.
     *
     * @param mode          whether lower or higher is better
     * @param factor        the factor applied to the learning rate, in {@code (0, 1)}
     * @param patience      epochs without improvement tolerated before a reduction, {@code >= 0}
     * @param threshold     the least change that counts as an improvement, {@code >= 0}
     * @param thresholdMode relative or absolute threshold
     * @param cooldown      epochs after a reduction that are not counted, {@code >= 0}
     * @param minLrs        the lowest learning rate: one for all groups or one per group, each {@code >= 0}
     * @param eps           reductions by no more than this are skipped, {@code >= 0}
     */
    public record Options(Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
            int cooldown, List<Double> minLrs, double eps) {
        /**
         * @throws IllegalArgumentException if a value is out of range
         */
        public Options {
            Objects.requireNonNull(mode, NAME + ": mode");
            Objects.requireNonNull(thresholdMode, NAME + ": thresholdMode");
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException(NAME + ": factor " + factor + " must lie in (0, 1)");
            }
            Checks.atLeast(NAME, "patience", patience, 0);
            Checks.nonNegative(NAME, "threshold", threshold);
            Checks.atLeast(NAME, "cooldown", cooldown, 0);
            minLrs = List.copyOf(minLrs);
            if (minLrs.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": minLrs is empty; give one value, or one per param group");
            }
            minLrs.forEach(m -> Checks.nonNegative(NAME, "minLr", m));
            Checks.nonNegative(NAME, "eps", eps);
        }

        /** Mode min, factor 0.1, patience 10, relative threshold 1e-4, no cooldown, minLr 0, eps 1e-8. */
        public static Options defaults() {
            return new Options(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, List.of(0.0), 1e-8);
        }

        /** These options with the mode replaced. */
        public Options withMode(Mode value) {
            return new Options(value, factor, patience, threshold, thresholdMode, cooldown, minLrs, eps);
        }

        /** These options with {@code factor} replaced. */
        public Options withFactor(double value) {
            return new Options(mode, value, patience, threshold, thresholdMode, cooldown, minLrs, eps);
        }

        /** These options with {@code patience} replaced. */
        public Options withPatience(int value) {
            return new Options(mode, factor, value, threshold, thresholdMode, cooldown, minLrs, eps);
        }

        /** The threshold and how it is measured. */
        public Options withThreshold(double value, ThresholdMode how) {
            return new Options(mode, factor, patience, value, how, cooldown, minLrs, eps);
        }

        /** These options with {@code cooldown} replaced. */
        public Options withCooldown(int value) {
            return new Options(mode, factor, patience, threshold, thresholdMode, value, minLrs, eps);
        }

        /** The lowest learning rate: one value for every group, or one per group. */
        public Options withMinLr(double... values) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown,
                    Arrays.stream(values).boxed().toList(), eps);
        }

        /** These options with {@code eps} replaced. */
        public Options withEps(double value) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLrs, value);
        }
    }

    private final Optimizer<?> optimizer;
    private final Options options;
    private final double[] minLrs;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLr;

    /** With PyTorch's defaults ({@link Options#defaults()}). */
    public ReduceLROnPlateau(Optimizer<?> optimizer) {
        this(optimizer, Options.defaults());
    }

    /**
     * @throws IllegalArgumentException if {@code options.minLrs()} has neither one value nor one per group
     */
    public ReduceLROnPlateau(Optimizer<?> optimizer, Options options) {
        this.optimizer = Objects.requireNonNull(optimizer, NAME + ": optimizer");
        this.options = Objects.requireNonNull(options, NAME + ": options");
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        List<Double> given = options.minLrs();
        if (given.size() != 1 && given.size() != groups.size()) {
            throw new IllegalArgumentException(NAME + ": " + given.size() + " minLrs for " + groups.size()
                    + " param groups; give one value, or one per group");
        }
        this.minLrs = new double[groups.size()];
        Arrays.setAll(minLrs, g -> given.get(given.size() == 1 ? 0 : g));
        this.best = worst();
        this.lastLr = Checks.lrs(optimizer);
    }

    private double worst() {
        return options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Takes the metric of one more epoch and lowers the learning rates if it has stopped improving.
     *
     * @throws IllegalArgumentException if {@code metric} is NaN (training has probably diverged)
     */
    public void step(double metric) {
        if (Double.isNaN(metric)) {
            throw new IllegalArgumentException(NAME + ".step: the metric is NaN (has training diverged?); pass a"
                    + " number");
        }
        List<? extends ParamGroup<?>> groups = Checks.groups(NAME, optimizer, minLrs.length);
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > options.patience()) {
            for (int g = 0; g < groups.size(); g++) {
                double old = groups.get(g).lr();
                double lowered = Math.max(old * options.factor(), minLrs[g]);
                if (old - lowered > options.eps()) {
                    groups.get(g).setLr(lowered);
                }
            }
            cooldownCounter = options.cooldown();
            numBadEpochs = 0;
        }
        lastLr = Checks.lrs(optimizer);
    }

    private boolean isBetter(double a) {
        boolean rel = options.thresholdMode() == ThresholdMode.REL;
        double t = options.threshold();
        if (options.mode() == Mode.MIN) {
            return rel ? a < best * (1. - t) : a < best - t;
        }
        return rel ? a > best * (t + 1.) : a > best + t;
    }

    /** The optimizer whose learning rates this scheduler lowers. */
    public Optimizer<?> optimizer() {
        return optimizer;
    }

    /** The learning rate of each param group after the last step (their rates at construction before any). */
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(Arrays.stream(lastLr).boxed().toList());
    }

    /** The best metric so far (infinitely bad before the first step). */
    public double best() {
        return best;
    }

    /** Epochs counted without improvement since the last improvement, reduction or cooldown. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** The number of steps taken. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /**
     * {@code scheduler.ReduceLROnPlateau}, the progress ({@code last_epoch}, {@code best},
     * {@code num_bad_epochs}, {@code cooldown_counter}, {@code last_lr} {@code [groups]}) and the
     * settings ({@code mode} 0 min / 1 max, {@code factor}, {@code patience}, {@code threshold},
     * {@code threshold_mode} 0 rel / 1 abs, {@code cooldown}, {@code min_lrs} {@code [groups]},
     * {@code eps}); see {@link Scheduler#stateDict()}.
     */
    public Map<String, Tensor> stateDict() {
        SchedulerState.Writer w = new SchedulerState.Writer(NAME).put("last_epoch", lastEpoch).put("best", best)
                .put("num_bad_epochs", numBadEpochs).put("cooldown_counter", cooldownCounter).put("last_lr", lastLr);
        settings().forEach(w::put);
        return w.build();
    }

    /**
     * Restores the progress from a {@link #stateDict()}; see {@link Scheduler#loadStateDict}.
     *
     * @throws IllegalArgumentException listing what does not match; nothing was changed
     */
    public void loadStateDict(Map<String, Tensor> stateDict) {
        SchedulerState.Reader r = new SchedulerState.Reader(NAME, Objects.requireNonNull(stateDict, "stateDict"));
        int epoch = r.integer("last_epoch", 0);
        double storedBest = r.scalar("best");
        int bad = r.integer("num_bad_epochs", 0);
        int cooling = r.integer("cooldown_counter", 0);
        double[] last = r.vector("last_lr", minLrs.length);
        settings().forEach(r::setting);
        r.finish();
        lastEpoch = epoch;
        best = storedBest;
        numBadEpochs = bad;
        cooldownCounter = cooling;
        lastLr = last;
    }

    private Map<String, Tensor> settings() {
        return LRScheduler.settingsOf("mode", options.mode().ordinal(), "factor", options.factor(),
                "patience", options.patience(), "threshold", options.threshold(),
                "threshold_mode", options.thresholdMode().ordinal(), "cooldown", options.cooldown(),
                "min_lrs", minLrs, "eps", options.eps());
    }

    /** For example {@code ReduceLROnPlateau(epoch 12, best 0.31, lr [0.01])}. */
    @Override
    public String toString() {
        return NAME + "(epoch " + lastEpoch + ", best " + best + ", lr " + getLastLr() + ")";
    }
}
