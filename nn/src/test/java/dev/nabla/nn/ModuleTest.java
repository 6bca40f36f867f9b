package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
    private static Linear linear(int in, int out, long seed) {
        return new Linear(in, out, true, new Rng(seed), DType.F32, Device.REFERENCE);
    }

    /** A model with a nested container and a buffer, like a small feature extractor and head. */
    private static final class Net extends Module {
        final Sequential features;
        final Linear head;

        Net(long seed) {
            features = registerModule("features", new Sequential(linear(4, 8, seed), Activation.relu()));
            head = registerModule("head", linear(8, 3, seed + 1));
            registerBuffer("steps", Tensor.zeros(Shape.of(1), DType.F32, Device.REFERENCE));
        }

        @Override
        protected Tensor forward(Tensor x) {
            return head.call(features.call(x));
        }
    }

    @Test
    void namesFollowRegistrationOrderWithDottedPaths() {
        Net net = new Net(1);
        assertThat(net.namedParameters().keySet())
                .containsExactly("features.0.weight", "features.0.bias", "head.weight", "head.bias");
        assertThat(net.namedBuffers().keySet()).containsExactly("steps");
        assertThat(net.stateDict().keySet())
                .containsExactly("steps", "features.0.weight", "features.0.bias", "head.weight", "head.bias");
        assertThat(net.parameterCount()).isEqualTo(4 * 8 + 8 + 8 * 3 + 3);
        assertThat(net.parameters()).allMatch(Tensor::requiresGrad);
        assertThat(net.namedChildren().keySet()).containsExactly("features", "head");
    }

    @Test
    void namedModulesListsEachModuleOnceParentsFirst() {
        Linear shared = linear(2, 2, 1);
        Module twoPaths = new Module() {
            {
                registerModule("a", new Sequential(shared, Activation.relu()));
                registerModule("b", shared);
            }

            @Override
            protected Tensor forward(Tensor input) {
                return input;
            }
        };
        assertThat(twoPaths.namedModules().keySet()).containsExactly("", "a", "a.0", "a.1");
        assertThat(twoPaths.namedModules().get("a.0")).isSameAs(shared);
        assertThat(new Net(1).namedModules().keySet())
                .containsExactly("", "features", "features.0", "features.1", "head");
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Net net = new Net(1);
        net.eval();
        List<Boolean> modes = new java.util.ArrayList<>();
        net.apply(m -> modes.add(m.isTraining()));
        assertThat(modes).hasSize(5).containsOnly(false);
        net.train();
        assertThat(net.features.children().get(0).isTraining()).isTrue();
    }

    @Test
    void gradientsReachEveryParameterAndZeroGradClearsThem() {
        Net net = new Net(2);
        net.call(Tensor.randn(new Rng(3), Shape.of(5, 4), DType.F32, Device.REFERENCE)).sum().backward();
        assertThat(net.parameters()).allMatch(p -> p.grad() != null && p.grad().shape().equals(p.shape()));
        net.zeroGrad();
        assertThat(net.parameters()).allMatch(p -> p.grad() == null);
    }

    @Test
    void stateDictRoundTripReproducesTheOutputs() {
        Net a = new Net(1);
        Net b = new Net(99);
        Tensor x = Tensor.randn(new Rng(4), Shape.of(2, 4), DType.F32, Device.REFERENCE);
        assertThat(b.call(x).toFloatArray()).isNotEqualTo(a.call(x).toFloatArray());
        Module.LoadResult r = b.loadStateDict(a.stateDict(), true);
        assertThat(r.missingKeys()).isEmpty();
        assertThat(r.unexpectedKeys()).isEmpty();
        assertThat(b.call(x).toFloatArray()).containsExactly(a.call(x).toFloatArray());
    }

    @Test
    void aFailedLoadReportsEverythingAndChangesNothing() {
        Net net = new Net(1);
        float[] before = net.head.weight().toFloatArray();
        Map<String, Tensor> state = new LinkedHashMap<>(new Net(7).stateDict());
        state.put("head.weight", Tensor.zeros(Shape.of(3, 9), DType.F32, Device.REFERENCE));
        state.remove("steps");
        state.put("tail.weight", Tensor.zeros(Shape.of(1), DType.F32, Device.REFERENCE));
        assertThatThrownBy(() -> net.loadStateDict(state, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was loaded")
                .hasMessageContaining("head.weight: expected [3, 8], got [3, 9]")
                .hasMessageContaining("missing keys [steps]")
                .hasMessageContaining("unexpected keys [tail.weight]");
        assertThat(net.head.weight().toFloatArray()).containsExactly(before);
    }

    @Test
    void nonStrictLoadReportsMissingAndUnexpectedKeys() {
        Net net = new Net(1);
        Map<String, Tensor> state = new LinkedHashMap<>(new Net(7).stateDict());
        state.remove("head.bias");
        state.put("extra", Tensor.zeros(Shape.of(1), DType.F32, Device.REFERENCE));
        Module.LoadResult r = net.loadStateDict(state, false);
        assertThat(r.missingKeys()).containsExactly("head.bias");
        assertThat(r.unexpectedKeys()).containsExactly("extra");
        assertThat(net.head.weight().toFloatArray()).containsExactly(state.get("head.weight").toFloatArray());
    }

    @Test
    void shapeErrorsNameTheModulePath() {
        Net net = new Net(1);
        assertThatThrownBy(() -> net.call(Tensor.zeros(Shape.of(2, 5), DType.F32, Device.REFERENCE)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of features.0 (Linear): linear: input of shape [2, 5] has 5 features in its"
                        + " last axis, the layer expects 4");
        assertThatThrownBy(() -> linear(3, 2, 1).call(Tensor.zeros(Shape.of(3), DType.F64, Device.REFERENCE)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of Linear: linear: input of dtype F64 [3], the layer's parameters are F32;"
                        + " convert the input with .to(DType.F32)");
    }

    @Test
    void registrationRejectsDuplicateAndDottedNames() {
        Module m = new Module() {
            {
                registerParameter("w", Tensor.zeros(1));
                assertThatThrownBy(() -> registerBuffer("w", Tensor.zeros(1)))
                        .hasMessageContaining("the name 'w' is already registered");
                assertThatThrownBy(() -> registerModule("a.b", Activation.relu()))
                        .hasMessageContaining("invalid name 'a.b'");
            }

            @Override
            protected Tensor forward(Tensor input) {
                return input;
            }
        };
        assertThat(m.namedParameters()).containsOnlyKeys("w");
    }

    @Test
    void printsTheTreeLikePyTorch() {
        assertThat(new Net(1)).hasToString("Net(\n"
                + "  (features): Sequential(\n"
                + "    (0): Linear(in_features=4, out_features=8, bias=True)\n"
                + "    (1): ReLU()\n"
                + "  )\n"
                + "  (head): Linear(in_features=8, out_features=3, bias=True)\n"
                + ")");
    }
}
