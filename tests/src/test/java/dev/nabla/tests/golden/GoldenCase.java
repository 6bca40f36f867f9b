package dev.nabla.tests.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code golden/ops.json}: a Tensor method, its arguments and its inputs. The
 * tensors live in {@code golden/ops.safetensors} under {@link #key} names.
 *
 * @param name           unique, {@code op.variant}
 * @param op             the Java method name, a key of {@link OpRegistry}
 * @param differentiable whether torch's input gradients are compared
 * @param gradcheck      whether central differences apply (false at deliberate kinks and ties)
 */
record GoldenCase(String name, String op, Args args, boolean differentiable, boolean gradcheck,
                  List<Input> inputs) {

    /**
     * An operand: stored contiguous with {@code shape}, then passed through the {@code prep}
     * movement ops (usually making it non-contiguous) before the op sees it.
     */
    record Input(int[] shape, boolean requiresGrad, List<Step> prep) {
    }

    /** A prep step: a movement op of {@link OpRegistry} applied to one tensor. */
    record Step(String op, Args args) {
    }

    /** The safetensors name of this case's tensor {@code suffix}, e.g. {@code in0}, {@code f32/grad1}. */
    String key(String suffix) {
        return name + "/" + suffix;
    }

    @SuppressWarnings("unchecked")
    static GoldenCase fromJson(Map<String, Object> json) {
        String name = (String) json.get("name");
        List<Input> inputs = new ArrayList<>();
        for (Object o : (List<Object>) json.get("inputs")) {
            Map<String, Object> in = (Map<String, Object>) o;
            List<Step> prep = new ArrayList<>();
            for (Object s : (List<Object>) in.get("prep")) {
                Map<String, Object> step = (Map<String, Object>) s;
                String op = (String) step.get("op");
                prep.add(new Step(op, new Args(name + " prep " + op, (Map<String, Object>) step.get("args"))));
            }
            inputs.add(new Input(FixtureReader.ints(in.get("shape")), (Boolean) in.get("requiresGrad"), prep));
        }
        return new GoldenCase(name, (String) json.get("op"), new Args(name, (Map<String, Object>) json.get("args")),
                (Boolean) json.get("differentiable"), (Boolean) json.get("gradcheck"), List.copyOf(inputs));
    }

    @Override
    public String toString() {
        return name;
    }
}
