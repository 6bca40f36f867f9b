package dev.nabla.tests.golden.layers;

import dev.nabla.tests.golden.Closeness.Tolerance;
import dev.nabla.tests.golden.FixtureReader;
import java.util.List;
import java.util.Map;

/**
 * One case of a layer golden fixture, as {@code tests/golden/layer_goldens.py} describes it: what to
 * build ({@code kind} and {@code args}, read by the topic's factory), its inputs, the mode, and
 * torch's parameter and buffer names.
 *
 * @param name       unique within the topic
 * @param kind       the layer or loss to build, e.g. {@code "BatchNorm2d"}
 * @param args       constructor arguments, JSON values keyed by name
 * @param train      whether the module runs in training mode
 * @param gradcheck  whether GradCheck also runs in F64
 * @param inputs     the inputs, in call order
 * @param state      the keys of the state dict loaded before the forward pass
 * @param parameters torch's parameter names, whose gradients are compared
 * @param buffers    torch's buffer names, compared after the forward pass
 * @param f32Forward the float32 output tolerance of this case, or null for the default
 * @param f32Grad    the float32 gradient tolerance of this case, or null for the default
 */
public record LayerCase(String name, String kind, Map<String, Object> args, boolean train, boolean gradcheck,
                        List<Input> inputs, List<String> state, List<String> parameters, List<String> buffers,
                        Tolerance f32Forward, Tolerance f32Grad) {

    /**
     * @param shape        the stored shape
     * @param requiresGrad whether the input's gradient is compared
     * @param index        whether it holds class indices or ids (integral values, no gradient)
     */
    public record Input(int[] shape, boolean requiresGrad, boolean index) {
    }

    @SuppressWarnings("unchecked")
    static LayerCase fromJson(Map<String, Object> json) {
        List<Input> inputs = ((List<Map<String, Object>>) json.get("inputs")).stream()
                .map(i -> new Input(FixtureReader.ints(i.get("shape")), (Boolean) i.get("requiresGrad"),
                        (Boolean) i.get("index")))
                .toList();
        Map<String, Object> tol = (Map<String, Object>) json.get("f32Tolerance");
        return new LayerCase((String) json.get("name"), (String) json.get("kind"),
                (Map<String, Object>) json.get("args"), "train".equals(json.get("mode")),
                (Boolean) json.get("gradcheck"), inputs, (List<String>) json.get("state"),
                (List<String>) json.get("parameters"), (List<String>) json.get("buffers"),
                tolerance(tol, "forward"), tolerance(tol, "grad"));
    }

    private static Tolerance tolerance(Map<String, Object> tol, String key) {
        if (tol == null || !tol.containsKey(key)) {
            return null;
        }
        List<?> pair = (List<?>) tol.get(key);
        return new Tolerance(((Number) pair.get(0)).doubleValue(), ((Number) pair.get(1)).doubleValue());
    }

    /** Whether {@code key} is among the args. */
    public boolean has(String key) {
        return args.containsKey(key) && args.get(key) != null;
    }

    /** An integer argument. */
    public int integer(String key) {
        double v = real(key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + ": arg " + key + " = " + v + " is not an integer");
        }
        return (int) v;
    }

    /** A numeric argument. */
    public double real(String key) {
        return ((Number) require(key)).doubleValue();
    }

    /** A boolean argument. */
    public boolean flag(String key) {
        return (Boolean) require(key);
    }

    /** A string argument. */
    public String text(String key) {
        return (String) require(key);
    }

    /** A list of integers. */
    public int[] integers(String key) {
        return FixtureReader.ints(require(key));
    }

    private Object require(String key) {
        Object v = args.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no arg '" + key + "' in " + args);
        }
        return v;
    }

    @Override
    public String toString() {
        return name + " " + kind + args + (train ? " train" : " eval");
    }
}
