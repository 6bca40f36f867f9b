package dev.nabla.tests.golden.optim;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adagrad;
import dev.nabla.optim.Adam;
import dev.nabla.optim.AdamW;
import dev.nabla.optim.GradClipping;
import dev.nabla.optim.Hyperparameters;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.RMSprop;
import dev.nabla.optim.SGD;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One case of {@code golden/optim/trajectories.json}: an optimizer type, its param groups with
 * torch's hyperparameters, and the gradient clipping applied before each step.
 */
record OptimCase(String name, String optimizer, List<Group> groups, Map<String, Object> clip) {
    /** The parameters of one group by state-dict name, and torch's hyperparameters for it (booleans as 0/1). */
    record Group(List<String> params, Map<String, Double> options) {
        double get(String key) {
            Double v = options.get(key);
            if (v == null) {
                throw new IllegalStateException("the manifest has no hyperparameter '" + key + "' in " + options);
            }
            return v;
        }

        boolean flag(String key) {
            return get(key) != 0;
        }
    }

    @SuppressWarnings("unchecked")
    static OptimCase fromJson(Map<String, Object> json) {
        List<Group> groups = ((List<Map<String, Object>>) json.get("groups")).stream()
                .map(g -> new Group((List<String>) g.get("params"), toDoubles((Map<String, Object>) g.get("options"))))
                .toList();
        return new OptimCase((String) json.get("name"), (String) json.get("optimizer"), groups,
                (Map<String, Object>) json.get("clip"));
    }

    private static Map<String, Double> toDoubles(Map<String, Object> map) {
        return map.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).doubleValue()));
    }

    /** The optimizer over {@code named} (the model's parameters by name), with this case's groups. */
    Optimizer<?> build(Map<String, Tensor> named) {
        return switch (optimizer) {
            case "SGD" -> withGroups(named, SGD::new, g -> new SGD.Options(g.get("lr"), g.get("momentum"),
                    g.get("dampening"), g.get("weight_decay"), g.flag("nesterov")));
            case "Adam" -> withGroups(named, Adam::new, OptimCase::adamOptions);
            case "AdamW" -> withGroups(named, AdamW::new, OptimCase::adamOptions);
            case "RMSprop" -> withGroups(named, RMSprop::new, g -> new RMSprop.Options(g.get("lr"), g.get("alpha"),
                    g.get("eps"), g.get("weight_decay"), g.get("momentum"), g.flag("centered")));
            case "Adagrad" -> withGroups(named, Adagrad::new, g -> new Adagrad.Options(g.get("lr"), g.get("lr_decay"),
                    g.get("weight_decay"), g.get("initial_accumulator_value"), g.get("eps")));
            default -> throw new IllegalStateException(name + ": no factory for optimizer " + optimizer);
        };
    }

    private static Adam.Options adamOptions(Group g) {
        return new Adam.Options(g.get("lr"), g.get("beta1"), g.get("beta2"), g.get("eps"), g.get("weight_decay"),
                g.flag("amsgrad"));
    }

    private <H extends Hyperparameters<H>> Optimizer<H> withGroups(Map<String, Tensor> named,
            BiFunction<List<Tensor>, H, Optimizer<H>> create, Function<Group, H> options) {
        Optimizer<H> opt = create.apply(params(named, groups.get(0)), options.apply(groups.get(0)));
        for (Group g : groups.subList(1, groups.size())) {
            opt.addParamGroup(params(named, g), options.apply(g));
        }
        return opt;
    }

    private static List<Tensor> params(Map<String, Tensor> named, Group g) {
        return g.params().stream().map(named::get).toList();
    }

    /** Clips the gradients of {@code params} as the case says; returns the total norm, or NaN when not clipping by norm. */
    double clip(List<Tensor> params) {
        if (clip == null) {
            return Double.NaN;
        }
        if (clip.containsKey("value")) {
            GradClipping.clipGradValue(params, ((Number) clip.get("value")).doubleValue());
            return Double.NaN;
        }
        Object type = clip.get("type");
        double normType = "inf".equals(type) ? Double.POSITIVE_INFINITY : ((Number) type).doubleValue();
        return GradClipping.clipGradNorm(params, ((Number) clip.get("norm")).doubleValue(), normType, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
