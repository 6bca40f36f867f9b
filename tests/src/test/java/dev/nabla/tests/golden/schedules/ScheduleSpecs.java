package dev.nabla.tests.golden.schedules;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.SGD;
import dev.nabla.optim.schedule.ChainedScheduler;
import dev.nabla.optim.schedule.ConstantLR;
import dev.nabla.optim.schedule.CosineAnnealingLR;
import dev.nabla.optim.schedule.CosineAnnealingWarmRestarts;
import dev.nabla.optim.schedule.ExponentialLR;
import dev.nabla.optim.schedule.LRScheduler;
import dev.nabla.optim.schedule.LinearLR;
import dev.nabla.optim.schedule.MultiStepLR;
import dev.nabla.optim.schedule.OneCycleLR;
import dev.nabla.optim.schedule.ReduceLROnPlateau;
import dev.nabla.optim.schedule.SequentialLR;
import dev.nabla.optim.schedule.StepLR;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the Nabla counterparts of the optimizers and schedulers that make_schedule_goldens.py
 * describes by torch's class names and keyword arguments (torch's defaults where one is absent).
 */
final class ScheduleSpecs {
    private ScheduleSpecs() {
    }

    /** SGD or Adam over one parameter per group, with the spec's learning rates and momentum or betas. */
    static Optimizer<?> optimizer(Map<String, Object> spec) {
        double[] lrs = doubles(spec.get("lrs"));
        if (spec.get("type").equals("Adam")) {
            double[] betas = doubles(spec.get("betas"));
            return withGroups(lrs, first -> new Adam(first, new Adam.Options().withLr(lrs[0]).withBetas(betas[0],
                    betas[1])));
        }
        double momentum = number(spec.get("momentum"));
        return withGroups(lrs, first -> new SGD(first, SGD.Options.lr(lrs[0]).withMomentum(momentum)));
    }

    /** The optimizer {@code make} builds over a first group, with a group per further learning rate. */
    private static <H extends Hyperparameters<H>> Optimizer<H> withGroups(double[] lrs,
            Function<List<Tensor>, Optimizer<H>> make) {
        Optimizer<H> opt = make.apply(List.of(param(2)));
        for (int g = 1; g < lrs.length; g++) {
            opt.addParamGroup(List.of(param(3)), opt.defaults().withLr(lrs[g]));
        }
        return opt;
    }

    private static Tensor param(int n) {
        return Tensor.fromArray(new double[n], n).requiresGrad(true);
    }

    /** An {@link LRScheduler}, a {@link ChainedScheduler}, {@link SequentialLR} or {@link ReduceLROnPlateau}. */
    static Object scheduler(Optimizer<?> opt, Map<String, Object> spec) {
        String type = (String) spec.get("type");
        return switch (type) {
            case "ChainedScheduler" -> new ChainedScheduler(children(opt, spec));
            case "SequentialLR" -> new SequentialLR(opt, children(opt, spec), ints(spec.get("milestones")));
            case "ReduceLROnPlateau" -> new ReduceLROnPlateau(opt, plateau(spec));
            default -> epochScheduler(opt, spec);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<LRScheduler> children(Optimizer<?> opt, Map<String, Object> spec) {
        return ((List<Map<String, Object>>) spec.get("schedulers")).stream().map(s -> epochScheduler(opt, s)).toList();
    }

    private static LRScheduler epochScheduler(Optimizer<?> opt, Map<String, Object> s) {
        return switch ((String) s.get("type")) {
            case "StepLR" -> new StepLR(opt, integer(s, "step_size", 0), real(s, "gamma", 0.1));
            case "MultiStepLR" -> new MultiStepLR(opt, ints(s.get("milestones")), real(s, "gamma", 0.1));
            case "ConstantLR" -> new ConstantLR(opt, real(s, "factor", 1.0 / 3), integer(s, "total_iters", 5));
            case "LinearLR" -> new LinearLR(opt, real(s, "start_factor", 1.0 / 3), real(s, "end_factor", 1.0),
                    integer(s, "total_iters", 5));
            case "ExponentialLR" -> new ExponentialLR(opt, real(s, "gamma", 0));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, integer(s, "T_max", 0), real(s, "eta_min", 0));
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(opt, integer(s, "T_0", 0),
                    integer(s, "T_mult", 1), real(s, "eta_min", 0));
            case "OneCycleLR" -> new OneCycleLR(opt, doubles(s.get("max_lr")), integer(s, "total_steps", 0),
                    oneCycle(s));
            default -> throw new IllegalArgumentException("unknown scheduler " + s.get("type"));
        };
    }

    private static OneCycleLR.Options oneCycle(Map<String, Object> s) {
        OneCycleLR.Options d = OneCycleLR.Options.defaults();
        return d.withPctStart(real(s, "pct_start", d.pctStart()))
                .withAnnealStrategy(OneCycleLR.AnnealStrategy.valueOf(text(s, "anneal_strategy", "cos")))
                .withCycleMomentum(!Boolean.FALSE.equals(s.get("cycle_momentum")))
                .withMomentumRange(real(s, "base_momentum", d.baseMomentum()), real(s, "max_momentum", d.maxMomentum()))
                .withDivFactor(real(s, "div_factor", d.divFactor()))
                .withFinalDivFactor(real(s, "final_div_factor", d.finalDivFactor()))
                .withThreePhase(Boolean.TRUE.equals(s.get("three_phase")));
    }

    private static ReduceLROnPlateau.Options plateau(Map<String, Object> s) {
        ReduceLROnPlateau.Options d = ReduceLROnPlateau.Options.defaults();
        Object minLr = s.getOrDefault("min_lr", 0.0);
        return d.withMode(ReduceLROnPlateau.Mode.valueOf(text(s, "mode", "min")))
                .withFactor(real(s, "factor", d.factor()))
                .withPatience(integer(s, "patience", d.patience()))
                .withThreshold(real(s, "threshold", d.threshold()),
                        ReduceLROnPlateau.ThresholdMode.valueOf(text(s, "threshold_mode", "rel")))
                .withCooldown(integer(s, "cooldown", d.cooldown()))
                .withMinLr(minLr instanceof List<?> l ? doubles(l) : new double[] {number(minLr)})
                .withEps(real(s, "eps", d.eps()));
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(ScheduleSpecs::number).toArray();
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> (int) number(o)).toArray();
    }

    private static double real(Map<String, Object> s, String key, double fallback) {
        return s.containsKey(key) ? number(s.get(key)) : fallback;
    }

    private static int integer(Map<String, Object> s, String key, int fallback) {
        return s.containsKey(key) ? (int) number(s.get(key)) : fallback;
    }

    private static String text(Map<String, Object> s, String key, String fallback) {
        return ((String) s.getOrDefault(key, fallback)).toUpperCase(Locale.ROOT);
    }
}
