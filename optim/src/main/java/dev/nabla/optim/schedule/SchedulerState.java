package dev.nabla.optim.schedule;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flat state-dict layout of the schedulers: F64 tensors on the reference device, rank 0 for a
 * number and rank 1 for a value per param group, named in PyTorch's snake case, with
 * {@code scheduler.<type>} holding the format version. Schedulers made of others store each one's
 * entries under {@code schedulers.<i>.}.
 */
final class SchedulerState {
    static final int VERSION = 1;
    private static final String TYPE_PREFIX = "scheduler.";

    private SchedulerState() {
    }

    /** Builds one state dict, in insertion order. */
    static final class Writer {
        private final Map<String, Tensor> out = new LinkedHashMap<>();

        Writer(String type) {
            out.put(TYPE_PREFIX + type, number(VERSION));
        }

        Writer put(String key, double value) {
            return put(key, number(value));
        }

        Writer put(String key, Tensor value) {
            out.put(key, value);
            return this;
        }

        Writer put(String key, double[] values) {
            return put(key, vector(values));
        }

        /** Adds {@code child}'s entries under {@code prefix} (e.g. {@code "schedulers.0."}). */
        Writer putAll(String prefix, Map<String, Tensor> child) {
            child.forEach((k, v) -> out.put(prefix + k, v));
            return this;
        }

        /** Adds each scheduler's state dict under {@code schedulers.<i>.}. */
        Writer putChildren(List<? extends LRScheduler> children) {
            for (int i = 0; i < children.size(); i++) {
                putAll("schedulers." + i + ".", children.get(i).stateDict());
            }
            return this;
        }

        Map<String, Tensor> build() {
            return out;
        }
    }

    /** A rank-0 F64 tensor on the reference device. */
    static Tensor number(double v) {
        return Tensor.scalar(v, DType.F64, Device.REFERENCE);
    }

    /** A rank-1 F64 tensor on the reference device. */
    static Tensor vector(double[] values) {
        return Tensor.fromArray(values, Shape.of(values.length), DType.F64, Device.REFERENCE);
    }

    /**
     * Reads one state dict, collecting every problem; {@link #finish()} throws them together, so a
     * caller applies what it read only after {@code finish()} returned.
     */
    static final class Reader {
        private final String op;
        private final Map<String, Tensor> dict;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> used = new HashSet<>();

        /**
         * @throws IllegalArgumentException at once if {@code dict} is not a state dict of {@code type}
         */
        Reader(String type, Map<String, Tensor> dict) {
            this.op = type + ".loadStateDict";
            this.dict = dict;
            String key = TYPE_PREFIX + type;
            if (!dict.containsKey(key)) {
                List<String> types = dict.keySet().stream().filter(k -> k.startsWith(TYPE_PREFIX))
                        .map(k -> k.substring(TYPE_PREFIX.length())).sorted().toList();
                throw new IllegalArgumentException(op + ": nothing was loaded; " + (types.isEmpty()
                        ? "this is not a scheduler state dict (it has no 'scheduler.<type>' key)"
                        : "the state dict is of " + String.join(", ", types) + ", not " + type
                                + "; load it into a scheduler of that type"));
            }
            double version = scalar(key);
            if (version != VERSION) {
                problems.add(key + " holds format version " + version + "; this version of Nabla reads " + VERSION);
            }
        }

        /** The single value at {@code key}; NaN (and a problem) if it is missing or not one value. */
        double scalar(String key) {
            Tensor t = take(key);
            if (t == null) {
                return Double.NaN;
            }
            if (t.rank() != 0) {
                problems.add(key + " must be a rank-0 tensor, got shape " + t.shape());
                return Double.NaN;
            }
            return t.item();
        }

        /** The integer at {@code key}, at least {@code min}; {@code min} (and a problem) otherwise. */
        int integer(String key, int min) {
            double v = scalar(key);
            if (Double.isNaN(v)) {
                return min;
            }
            if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
                problems.add(key + " must be an integer >= " + min + ", got " + v);
                return min;
            }
            return (int) v;
        }

        /** The {@code length} values at {@code key}; zeros (and a problem) if it has another shape. */
        double[] vector(String key, int length) {
            Tensor t = take(key);
            if (t == null) {
                return new double[length];
            }
            if (t.rank() != 1 || t.numel() != length) {
                problems.add(key + " must have shape [" + length + "] (one value per param group), got " + t.shape());
                return new double[length];
            }
            return t.toDoubleArray();
        }

        /** Checks that the setting at {@code key} equals this scheduler's {@code expected} one. */
        void setting(String key, Tensor expected) {
            Tensor t = take(key);
            if (t == null) {
                return;
            }
            if (!t.shape().equals(expected.shape()) || !Arrays.equals(t.toDoubleArray(), expected.toDoubleArray())) {
                problems.add(key + " is " + shown(t) + " in the state dict but " + shown(expected)
                        + " in this scheduler");
            }
        }

        private static String shown(Tensor t) {
            return t.rank() == 0 ? Double.toString(t.item()) : Arrays.toString(t.toDoubleArray());
        }

        /** The entries under {@code prefix}, with the prefix removed, marked as read. */
        Map<String, Tensor> child(String prefix) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            dict.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    used.add(k);
                    out.put(k.substring(prefix.length()), v);
                }
            });
            return out;
        }

        /**
         * Checks the state dicts of {@code children} under {@code schedulers.<i>.}; the result
         * restores all of them.
         */
        Runnable children(List<? extends LRScheduler> children) {
            List<Runnable> loads = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                String prefix = "schedulers." + i + ".";
                try {
                    loads.add(children.get(i).prepareLoad(child(prefix)));
                } catch (IllegalArgumentException e) {
                    problems.add(prefix + "*: " + e.getMessage());
                }
            }
            return () -> loads.forEach(Runnable::run);
        }

        /** Records a problem found by the caller. */
        void problem(String text) {
            problems.add(text);
        }

        /**
         * @throws IllegalArgumentException listing every problem and unexpected key, if there are any
         */
        void finish() {
            Set<String> unexpected = new TreeSet<>(dict.keySet());
            unexpected.removeAll(used);
            if (!unexpected.isEmpty()) {
                problems.add("unexpected keys " + unexpected);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(op + ": nothing was loaded; " + String.join("; ", problems)
                        + (problems.stream().anyMatch(p -> p.contains("in this scheduler"))
                                ? " (make the scheduler with the settings it was saved with)" : ""));
            }
        }

        private Tensor take(String key) {
            used.add(key);
            Tensor t = dict.get(key);
            if (t == null) {
                problems.add("missing key " + key);
            }
            return t;
        }
    }
}
