package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.ParamGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy, as PyTorch's {@code OneCycleLR}, stepped after every batch for
 * {@code totalSteps} batches. The learning rate rises from {@code maxLr / divFactor} to
 * {@code maxLr} over the first {@code pctStart} of the steps, then falls to
 * {@code maxLr / divFactor / finalDivFactor}; with {@code threePhase} it first falls back to the
 * initial rate symmetrically and then to the minimum. Each phase anneals by a cosine
 * ({@code end + (start - end) / 2 * (1 + cos(pi * pct))}) or linearly ({@code start + (end -
 * start) * pct}), {@code pct} being the fraction of the phase done.
 *
 * <p>With {@link Options#cycleMomentum()} the momentum moves inversely, from
 * {@code maxMomentum} down to {@code baseMomentum} while the learning rate rises and back. The
 * momentum is the optimizer's hyperparameter {@code momentum} (SGD, RMSprop) or {@code beta1}
 * (Adam, AdamW); constructing sets it to {@code maxMomentum}. This scheduler sets the learning rate
 * from its own values, not the current one, so it does not chain with others.
 *
 * <p>As in PyTorch, {@code step()} may be called {@code totalSteps} times (after every batch); the
 * last call extrapolates the last phase one step beyond its end. Where that gives a negative
 * learning rate (linear annealing), this scheduler sets 0 instead, since optimizers reject
 * negative rates; every other value is PyTorch's.
 */
public final class OneCycleLR extends LRScheduler {
    /** How each phase moves from its start value to its end value. */
    public enum AnnealStrategy {
        /** Half a cosine (stored as 0). */
        COS,
        /** A straight line (stored as 1). */
        LINEAR
    }

    /**
     * The optional settings, PyTorch's defaults from {@link #defaults()}.
     *
     * @param pctStart       the fraction of the steps spent raising the learning rate, in {@code [0, 1]}
     * @param annealStrategy cosine or linear phases
     * @param cycleMomentum  whether to cycle the momentum inversely to the learning rate
     * @param baseMomentum   the momentum at the peak learning rate, {@code >= 0}
     * @param maxMomentum    the momentum at the start and end, {@code >= 0}
     * @param divFactor      {@code maxLr / initial lr}, {@code > 0}
     * @param finalDivFactor {@code initial lr / final lr}, {@code > 0}
     * @param threePhase     a symmetric fall back to the initial rate before the final fall
     */
    public record Options(double pctStart, AnnealStrategy annealStrategy, boolean cycleMomentum, double baseMomentum,
            double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
        /**
         * @throws IllegalArgumentException if a value is out of range
         */
        public Options {
            if (!(pctStart >= 0 && pctStart <= 1)) {
                throw new IllegalArgumentException("OneCycleLR: pctStart " + pctStart + " must lie in [0, 1]");
            }
            if (annealStrategy == null) {
                throw new IllegalArgumentException("OneCycleLR: annealStrategy is null; use COS or LINEAR");
            }
            Checks.nonNegative("OneCycleLR", "baseMomentum", baseMomentum);
            Checks.nonNegative("OneCycleLR", "maxMomentum", maxMomentum);
            Checks.positive("OneCycleLR", "divFactor", divFactor);
            Checks.positive("OneCycleLR", "finalDivFactor", finalDivFactor);
        }

        /**
         * pctStart 0.3, cosine, momentum cycled between 0.85 and 0.95, divFactor 25,
         * finalDivFactor 1e4, two phases.
         */
        public static Options defaults() {
            return new Options(0.3, AnnealStrategy.COS, true, 0.85, 0.95, 25, 1e4, false);
        }

        /** These options with {@code pctStart} replaced. */
        public Options withPctStart(double value) {
            return new Options(value, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor,
                    finalDivFactor, threePhase);
        }

        /** These options with the anneal strategy replaced. */
        public Options withAnnealStrategy(AnnealStrategy value) {
            return new Options(pctStart, value, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor,
                    threePhase);
        }

        /** These options with {@code cycleMomentum} replaced. */
        public Options withCycleMomentum(boolean value) {
            return new Options(pctStart, annealStrategy, value, baseMomentum, maxMomentum, divFactor, finalDivFactor,
                    threePhase);
        }

        /** The momentum range: {@code base} at the peak learning rate, {@code max} at the start and end. */
        public Options withMomentumRange(double base, double max) {
            return new Options(pctStart, annealStrategy, cycleMomentum, base, max, divFactor, finalDivFactor,
                    threePhase);
        }

        /** These options with {@code divFactor} replaced. */
        public Options withDivFactor(double value) {
            return new Options(pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, value,
                    finalDivFactor, threePhase);
        }

        /** These options with {@code finalDivFactor} replaced. */
        public Options withFinalDivFactor(double value) {
            return new Options(pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, value,
                    threePhase);
        }

        /** These options with {@code threePhase} replaced. */
        public Options withThreePhase(boolean value) {
            return new Options(pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor,
                    finalDivFactor, value);
        }
    }

    /** One phase: where it ends (a step, possibly fractional) and what it moves between, per group. */
    private record Phase(double endStep, double[] startLr, double[] endLr, double startMomentum, double endMomentum) {
    }

    /** A phase and the fraction of it done. */
    private record Position(Phase phase, double pct) {
    }

    private final double[] maxLrs;
    private final int totalSteps;
    private final Options options;
    private final List<Phase> phases;

    /** PyTorch's defaults ({@link Options#defaults()}) with one peak {@code maxLr} for every group. */
    public OneCycleLR(Optimizer<?> optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, Options.defaults());
    }

    /** One peak {@code maxLr} for every group. */
    public OneCycleLR(Optimizer<?> optimizer, double maxLr, int totalSteps, Options options) {
        this(optimizer, filled(optimizer, maxLr), totalSteps, options);
    }

    /**
     * @param maxLrs     the peak learning rate of each param group, each {@code > 0}
     * @param totalSteps the number of steps in the cycle (epochs times batches per epoch), {@code >= 1}
     * @throws IllegalArgumentException if a setting is out of range, {@code maxLrs} has not one value
     *                                  per group, a phase would have no steps, or momentum is to be
     *                                  cycled and the optimizer has none
     */
    public OneCycleLR(Optimizer<?> optimizer, double[] maxLrs, int totalSteps, Options options) {
        super("OneCycleLR", optimizer);
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        if (maxLrs.length != groups.size()) {
            throw new IllegalArgumentException(name() + ": " + maxLrs.length + " maxLrs for " + groups.size()
                    + " param groups; give one per group");
        }
        for (double m : maxLrs) {
            Checks.positive(name(), "maxLr", m);
        }
        this.maxLrs = maxLrs.clone();
        this.totalSteps = Checks.atLeast(name(), "totalSteps", totalSteps, 1);
        this.options = options;
        if (options.cycleMomentum()) {
            groups.forEach(this::requireMomentum);
        }
        double[] initial = Arrays.stream(maxLrs).map(m -> m / options.divFactor()).toArray();
        double[] min = Arrays.stream(initial).map(i -> i / options.finalDivFactor()).toArray();
        this.phases = phases(initial, min);
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).setInitialLr(initial[g]);
            if (options.cycleMomentum()) {
                GroupMomentum.set(groups.get(g), options.maxMomentum());
            }
        }
        initialStep();
    }

    private static double[] filled(Optimizer<?> optimizer, double maxLr) {
        double[] out = new double[optimizer.paramGroups().size()];
        Arrays.fill(out, maxLr);
        return out;
    }

    private void requireMomentum(ParamGroup<?> group) {
        if (GroupMomentum.find(group.options()) == null) {
            throw new IllegalArgumentException(name() + ": cycling the momentum needs an optimizer with a momentum or"
                    + " beta1 hyperparameter, and " + group.options().getClass().getSimpleName() + " has neither; use"
                    + " options.withCycleMomentum(false)");
        }
    }

    private List<Phase> phases(double[] initial, double[] min) {
        double base = options.baseMomentum();
        double max = options.maxMomentum();
        double firstEnd = options.pctStart() * totalSteps - 1;
        List<Phase> out = options.threePhase()
                ? List.of(new Phase(firstEnd, initial, maxLrs, max, base),
                        new Phase(2 * options.pctStart() * totalSteps - 2, maxLrs, initial, base, max),
                        new Phase(totalSteps - 1, initial, min, max, max))
                : List.of(new Phase(firstEnd, initial, maxLrs, max, base),
                        new Phase(totalSteps - 1, maxLrs, min, base, max));
        double start = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).endStep() == start) {
                throw new IllegalArgumentException(name() + ": phase " + (i + 1) + " would have no steps (it starts and"
                        + " ends at step " + start + " with totalSteps " + totalSteps + ", pctStart "
                        + options.pctStart() + "); choose them so that every phase has a length");
            }
            start = out.get(i).endStep();
        }
        return out;
    }

    /** Moves one step on; also sets the momentum when it is cycled. */
    @Override
    public void step() {
        super.step();
        cycleMomentum();
    }

    /** Jumps to step {@code epoch}; also sets the momentum when it is cycled. */
    @Override
    public void step(int epoch) {
        super.step(epoch);
        cycleMomentum();
    }

    private void cycleMomentum() {
        if (options.cycleMomentum()) {
            Position p = position(lastEpoch());
            double momentum = anneal(p.phase().startMomentum(), p.phase().endMomentum(), p.pct());
            optimizer().paramGroups().forEach(g -> GroupMomentum.set(g, momentum));
        }
    }

    /**
     * @throws IllegalStateException if the schedule is stepped past {@code totalSteps}
     */
    @Override
    protected double chainableLr(int group, double lr) {
        int step = lastEpoch();
        if (step > totalSteps) {
            throw new IllegalStateException(name() + ": step " + step + " is past the end of the schedule (totalSteps "
                    + totalSteps + "); make it with more steps (epochs times batches per epoch)");
        }
        Position p = position(step);
        // Step totalSteps is one past the last batch: PyTorch extrapolates the last phase there,
        // which linear annealing can take below zero, a rate optimizers reject.
        return Math.max(0, anneal(p.phase().startLr()[group], p.phase().endLr()[group], p.pct()));
    }

    private Position position(int step) {
        double start = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (step <= phase.endStep() || i == phases.size() - 1) {
                return new Position(phase, (step - start) / (phase.endStep() - start));
            }
            start = phase.endStep();
        }
        throw new IllegalStateException("no phases");
    }

    private double anneal(double start, double end, double pct) {
        if (options.annealStrategy() == AnnealStrategy.COS) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected Map<String, Tensor> settings() {
        return settingsOf("max_lrs", maxLrs, "total_steps", totalSteps, "pct_start", options.pctStart(),
                "anneal_strategy", options.annealStrategy().ordinal(),
                "cycle_momentum", options.cycleMomentum() ? 1 : 0,
                "base_momentum", options.baseMomentum(), "max_momentum", options.maxMomentum(),
                "div_factor", options.divFactor(), "final_div_factor", options.finalDivFactor(),
                "three_phase", options.threePhase() ? 1 : 0);
    }
}
