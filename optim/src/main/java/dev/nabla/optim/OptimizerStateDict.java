package dev.nabla.optim;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flat state-dict layout of {@link Optimizer#stateDict()}: writing it, and reading it back
 * with every check done before anything is changed.
 */
final class OptimizerStateDict {
    static final int VERSION = 1;
    private static final String TYPE_PREFIX = "optimizer.";
    private static final Pattern STATE_KEY = Pattern.compile("state\\.(\\d+)\\.(.+)");

    /** What a valid state dict holds: each group's hyperparameters and each parameter's state by index. */
    record Loaded<H>(List<H> options, Map<Integer, ParamState> states) {
    }

    private OptimizerStateDict() {
    }

    /** The state dict of {@code optimizer}, whose parameters have {@code states} (null: not updated yet). */
    static Map<String, Tensor> write(Optimizer<?> optimizer, List<ParamState> states) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(TYPE_PREFIX + optimizer.name(), number(VERSION));
        int index = 0;
        List<? extends ParamGroup<?>> groups = optimizer.paramGroups();
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup<?> group = groups.get(g);
            double[] indices = new double[group.params().size()];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = index++;
            }
            out.put("param_groups." + g + ".params", Tensor.fromArray(indices, Shape.of(indices.length), DType.F64,
                    Device.REFERENCE));
            String prefix = "param_groups." + g + ".";
            HyperparameterCodec.encode(group.options()).forEach((k, v) -> out.put(prefix + k, number(v)));
        }
        for (int i = 0; i < states.size(); i++) {
            ParamState st = states.get(i);
            if (st != null) {
                out.put("state." + i + ".step", number(st.step()));
                String prefix = "state." + i + ".";
                st.tensors().forEach((k, v) -> out.put(prefix + k, v.detach()));
            }
        }
        return out;
    }

    private static Tensor number(double v) {
        return Tensor.scalar(v, DType.F64, Device.REFERENCE);
    }

    /**
     * Checks {@code dict} against {@code optimizer}'s type, groups and parameters and decodes it.
     *
     * @throws IllegalArgumentException listing every problem; nothing was changed
     */
    static <H extends Hyperparameters<H>> Loaded<H> read(Optimizer<H> optimizer, Map<String, Tensor> dict) {
        return new Reader<>(optimizer, dict).read();
    }

    /** One load: the problems found so far and the keys accounted for. */
    private static final class Reader<H extends Hyperparameters<H>> {
        private final Optimizer<H> optimizer;
        private final Map<String, Tensor> dict;
        private final String op;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> used = new HashSet<>();
        private final List<Tensor> params;

        Reader(Optimizer<H> optimizer, Map<String, Tensor> dict) {
            this.optimizer = optimizer;
            this.dict = dict;
            this.op = "loadStateDict into " + optimizer.name();
            this.params = optimizer.parameters();
        }

        Loaded<H> read() {
            checkType();
            List<H> options = readGroups();
            Map<Integer, ParamState> states = readStates(options);
            Set<String> unexpected = new TreeSet<>(dict.keySet());
            unexpected.removeAll(used);
            if (!unexpected.isEmpty()) {
                problems.add("unexpected keys " + unexpected);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(op + ": nothing was loaded; " + String.join("; ", problems));
            }
            return new Loaded<>(options, states);
        }

        private void checkType() {
            String key = TYPE_PREFIX + optimizer.name();
            if (!dict.containsKey(key)) {
                List<String> types = dict.keySet().stream().filter(k -> k.startsWith(TYPE_PREFIX))
                        .map(k -> k.substring(TYPE_PREFIX.length())).sorted().toList();
                throw new IllegalArgumentException(op + ": nothing was loaded; " + (types.isEmpty()
                        ? "this is not an optimizer state dict (it has no 'optimizer.<type>' key; a model's state"
                                + " dict goes to Module.loadStateDict)"
                        : "the state dict is of " + String.join(", ", types) + ", not " + optimizer.name()
                                + "; load it into an optimizer of that type"));
            }
            Double version = scalar(key);
            if (version != null && version != VERSION) {
                problems.add(key + " holds format version " + version + "; this version of Nabla reads " + VERSION);
            }
        }

        private List<H> readGroups() {
            List<? extends ParamGroup<H>> groups = optimizer.paramGroups();
            long stored = dict.keySet().stream().filter(k -> k.matches("param_groups\\.\\d+\\.params")).count();
            if (stored != groups.size()) {
                problems.add("the state dict has " + stored + " param groups, this optimizer " + groups.size()
                        + " (another parameter layout)");
            }
            List<H> out = new ArrayList<>();
            int offset = 0;
            for (int g = 0; g < groups.size(); g++) {
                checkIndices(g, offset, groups.get(g).params().size());
                offset += groups.get(g).params().size();
                out.add(readOptions(g, groups.get(g).options()));
            }
            return out;
        }

        private void checkIndices(int g, int offset, int size) {
            String key = "param_groups." + g + ".params";
            Tensor stored = take(key);
            if (stored == null) {
                return;
            }
            double[] values = stored.toDoubleArray();
            boolean same = stored.rank() == 1 && values.length == size;
            for (int k = 0; same && k < size; k++) {
                same = values[k] == offset + k;
            }
            if (!same) {
                problems.add(key + " holds " + values.length + " parameters, this optimizer's group " + g + " holds "
                        + size + " (indices " + offset + ".." + (offset + size - 1) + "; another parameter layout)");
            }
        }

        /** The group's stored hyperparameters, or {@code current} when they are missing or invalid. */
        private H readOptions(int g, H current) {
            Map<String, Double> values = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String name : HyperparameterCodec.names(current.getClass())) {
                String key = "param_groups." + g + "." + name;
                if (!dict.containsKey(key)) {
                    missing.add(key);
                } else {
                    values.put(name, scalar(key));
                }
            }
            if (!missing.isEmpty()) {
                problems.add("missing keys " + missing);
                return current;
            }
            if (values.containsValue(null)) {
                return current;
            }
            try {
                return HyperparameterCodec.decode(current.getClass(), values);
            } catch (IllegalArgumentException e) {
                problems.add("param group " + g + ": " + e.getMessage());
                return current;
            }
        }

        private Map<Integer, ParamState> readStates(List<H> options) {
            Map<Integer, Map<String, Tensor>> byParam = new TreeMap<>();
            for (String key : dict.keySet()) {
                Matcher m = STATE_KEY.matcher(key);
                if (m.matches()) {
                    int i = Integer.parseInt(m.group(1));
                    if (i >= params.size()) {
                        problems.add(key + " is for parameter " + i + ", but this optimizer has " + params.size()
                                + " parameters (another parameter layout)");
                    } else {
                        byParam.computeIfAbsent(i, k -> new LinkedHashMap<>()).put(m.group(2), take(key));
                    }
                }
            }
            Map<Integer, ParamState> out = new TreeMap<>();
            byParam.forEach((i, tensors) -> {
                ParamState st = readState(i, tensors, options.get(groupIndex(i)));
                if (st != null) {
                    out.put(i, st);
                }
            });
            return out;
        }

        private ParamState readState(int i, Map<String, Tensor> stored, H options) {
            Tensor param = params.get(i);
            Tensor stepTensor = stored.remove("step");
            double step = stepTensor == null || stepTensor.numel() != 1 ? -1 : stepTensor.item();
            if (!(step >= 0 && step == Math.rint(step))) {
                problems.add("state." + i + ".step must be a single integer >= 0, got "
                        + (stepTensor == null ? "nothing" : stepTensor.shape() + " " + step));
                return null;
            }
            Map<String, Tensor> initial;
            try (GradMode.Scope s = GradMode.disable()) {
                initial = optimizer.initialState(param.detach(), options);
            }
            for (String name : initial.keySet()) {
                if (!stored.containsKey(name)) {
                    problems.add("state." + i + "." + name + " is missing");
                }
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            stored.forEach((name, t) -> {
                Shape expected = initial.containsKey(name) ? initial.get(name).shape() : param.shape();
                if (!t.shape().equals(expected)) {
                    problems.add("state." + i + "." + name + " has shape " + t.shape() + ", parameter " + i
                            + " needs " + expected);
                } else {
                    tensors.put(name, t.detach().to(param.device()).to(param.dtype()).copy());
                }
            });
            return new ParamState((long) step, tensors);
        }

        private int groupIndex(int param) {
            int end = 0;
            List<? extends ParamGroup<H>> groups = optimizer.paramGroups();
            for (int g = 0; g < groups.size(); g++) {
                end += groups.get(g).params().size();
                if (param < end) {
                    return g;
                }
            }
            throw new IllegalStateException("parameter " + param + " beyond " + end);
        }

        /** The tensor at {@code key} marked as accounted for, or null (a problem) if absent. */
        private Tensor take(String key) {
            Tensor t = dict.get(key);
            used.add(key);
            if (t == null) {
                problems.add("missing key " + key);
            }
            return t;
        }

        /** The single value at {@code key}, or null (a problem) if absent or not one element. */
        private Double scalar(String key) {
            Tensor t = take(key);
            if (t == null) {
                return null;
            }
            if (t.numel() != 1) {
                problems.add(key + " must hold one value, got shape " + t.shape());
                return null;
            }
            return t.item();
        }
    }
}
