package dev.nabla.tests.golden.layers;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Module;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tests.golden.Closeness;
import dev.nabla.tests.golden.Closeness.Tolerance;
import dev.nabla.tests.golden.FixtureReader;
import dev.nabla.tests.golden.Tolerances;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Replays the layer and loss fixtures written by {@code tests/golden/layer_goldens.py}: for every
 * case, in F32 against torch's float32 run and in F64 against its float64 run, the output, the
 * input gradients, the parameter gradients and the buffers after the forward pass; and where the
 * case asks, {@link GradCheck} in F64 over the inputs and the parameters.
 *
 * <p>A topic's test class supplies a {@link Factory} that builds the Nabla counterpart of each
 * case's {@code kind} and {@code args}:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> goldens() {
 *     return LayerGoldens.tests("norm", (c, dtype) -> switch (c.kind()) {
 *         case "BatchNorm2d" -> Built.of(new BatchNorm2d(c.integer("features"), ..., dtype, device));
 *         default -> throw new IllegalArgumentException("unknown kind " + c.kind());
 *     });
 * }
 * }</pre>
 */
public final class LayerGoldens {
    private LayerGoldens() {
    }

    /**
     * What a factory builds for one case.
     *
     * @param module  the module whose state is loaded and whose parameters and buffers are
     *                compared, or null for a function without state (a loss)
     * @param forward the computation compared with torch's, from the case's inputs in order
     */
    public record Built(Module module, Function<List<Tensor>, Tensor> forward) {
        /** A module called on the case's single input. */
        public static Built of(Module module) {
            return new Built(module, xs -> module.call(xs.get(0)));
        }

        /** A stateless function of the inputs. */
        public static Built function(Function<List<Tensor>, Tensor> forward) {
            return new Built(null, forward);
        }
    }

    /** Builds the Nabla counterpart of a case, in {@code dtype} on the default device. */
    @FunctionalInterface
    public interface Factory {
        Built build(LayerCase c, DType dtype);
    }

    /** The tests of every case of {@code golden/layers/<topic>.json}, one container per case. */
    public static Stream<DynamicNode> tests(String topic, Factory factory) {
        Fixture fixture = Fixture.load(topic);
        return fixture.cases.stream().map(c -> {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest("F32 vs torch float32", () -> fixture.compare(c, DType.F32, factory)));
            tests.add(dynamicTest("F64 vs torch float64", () -> fixture.compare(c, DType.F64, factory)));
            if (c.gradcheck()) {
                tests.add(dynamicTest("gradcheck F64", () -> fixture.gradCheck(c, factory)));
            }
            return dynamicContainer(c.toString(), tests.stream());
        });
    }

    /** One topic's manifest and tensors. */
    private record Fixture(String topic, List<LayerCase> cases, Map<String, FixtureReader.Stored> data) {
        @SuppressWarnings("unchecked")
        static Fixture load(String topic) {
            String base = "/golden/layers/" + topic;
            String text = new String(FixtureReader.resource(base + ".json"), StandardCharsets.UTF_8);
            Map<String, Object> root = (Map<String, Object>) FixtureReader.parseJson(base + ".json", text);
            List<LayerCase> cases = ((List<Map<String, Object>>) root.get("cases")).stream()
                    .map(LayerCase::fromJson).toList();
            byte[] tensors = FixtureReader.resource(base + ".safetensors");
            return new Fixture(topic, cases, FixtureReader.readSafetensors(base + ".safetensors", tensors));
        }

        FixtureReader.Stored stored(LayerCase c, String key) {
            FixtureReader.Stored s = data.get(c.name() + "/" + key);
            if (s == null) {
                throw new IllegalStateException("golden/layers/" + topic + ".safetensors: no tensor '" + c.name() + "/"
                        + key + "'; regenerate it with tests/golden/make_" + topic + "_goldens.py");
            }
            return s;
        }

        Tensor tensor(LayerCase c, String key, DType dtype) {
            FixtureReader.Stored s = stored(c, key);
            return Tensor.fromArray(s.data(), Shape.of(s.shape()), dtype, Backends.defaultDevice());
        }

        /** Builds the case in {@code dtype}, loads its state and mode, and makes its inputs. */
        Prepared prepare(LayerCase c, DType dtype, Factory factory) {
            Built built = factory.build(c, dtype);
            if (built.module() != null) {
                Map<String, Tensor> state = new LinkedHashMap<>();
                c.state().forEach(k -> state.put(k, tensor(c, "state/" + k, dtype)));
                built.module().loadStateDict(state, true);
                if (c.train()) {
                    built.module().train();
                } else {
                    built.module().eval();
                }
            } else if (!c.state().isEmpty()) {
                throw new IllegalStateException(c.name() + ": the case has state " + c.state()
                        + " but the factory built no module to load it into");
            }
            List<Tensor> inputs = new ArrayList<>();
            for (int i = 0; i < c.inputs().size(); i++) {
                Tensor x = tensor(c, "in" + i, dtype);
                inputs.add(c.inputs().get(i).requiresGrad() ? x.requiresGrad(true) : x);
            }
            return new Prepared(built, inputs);
        }

        void compare(LayerCase c, DType dtype, Factory factory) {
            String tag = dtype == DType.F32 ? "f32" : "f64";
            String where = "case " + c + " " + dtype;
            Tolerance forward = dtype == DType.F32 && c.f32Forward() != null ? c.f32Forward() : Tolerances.forward(dtype);
            Tolerance grad = dtype == DType.F32 && c.f32Grad() != null ? c.f32Grad() : Tolerances.grad(dtype);
            Prepared p = prepare(c, dtype, factory);
            Tensor out = p.built().forward().apply(p.inputs());
            List<String> failures = new ArrayList<>();
            Closeness.collect(failures, () -> Closeness.assertClose(where + ": output", stored(c, tag + "/out"), out, forward));
            if (out.requiresGrad()) { // else nothing is differentiated: no input requires grad, no parameter
                out.backward(tensor(c, "gout", dtype));
            }
            for (int i = 0; i < p.inputs().size(); i++) {
                if (c.inputs().get(i).requiresGrad()) {
                    Tensor x = p.inputs().get(i);
                    Tensor actual = x.grad() != null ? x.grad() : x.zerosLike();
                    String what = where + ": grad of input " + i;
                    FixtureReader.Stored expected = stored(c, tag + "/grad" + i);
                    Closeness.collect(failures, () -> Closeness.assertClose(what, expected, actual, grad));
                }
            }
            Module m = p.built().module();
            if (m != null) {
                Map<String, Tensor> params = m.namedParameters();
                Map<String, Tensor> buffers = m.namedBuffers();
                for (String name : c.parameters()) {
                    Tensor param = lookup(params, name, "parameter", c);
                    Tensor actual = param.grad() != null ? param.grad() : param.zerosLike();
                    FixtureReader.Stored expected = stored(c, tag + "/param/" + name);
                    Closeness.collect(failures, () -> Closeness.assertClose(where + ": grad of " + name, expected, actual, grad));
                }
                for (String name : c.buffers()) {
                    Tensor buffer = lookup(buffers, name, "buffer", c);
                    FixtureReader.Stored expected = stored(c, tag + "/buffer/" + name);
                    Closeness.collect(failures, () -> Closeness.assertClose(where + ": buffer " + name, expected, buffer,
                            forward));
                }
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(String.join("\n", failures));
            }
        }

        void gradCheck(LayerCase c, Factory factory) {
            Prepared p = prepare(c, DType.F64, factory);
            List<Tensor> all = new ArrayList<>(p.inputs());
            int n = all.size();
            if (p.built().module() != null) {
                all.addAll(p.built().module().parameters());
            }
            GradCheck.Result r = GradCheck.check(xs -> p.built().forward().apply(xs.subList(0, n)), all);
            if (!r.passed()) {
                throw new AssertionError("case " + c + " F64 gradcheck over inputs and parameters: "
                        + r.firstFailure() + " (max |error| " + r.maxAbsError() + ")");
            }
        }

        private static Tensor lookup(Map<String, Tensor> named, String name, String what, LayerCase c) {
            Tensor t = named.get(name);
            if (t == null) {
                throw new AssertionError("case " + c + ": torch has the " + what + " '" + name
                        + "' but the Nabla module has only " + named.keySet());
            }
            return t;
        }
    }

    /** A built case with its inputs, ready to run. */
    private record Prepared(Built built, List<Tensor> inputs) {
    }
}
