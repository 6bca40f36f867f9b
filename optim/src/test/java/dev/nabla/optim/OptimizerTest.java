package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerTest {
    private static Tensor param(double... values) {
        return Tensor.fromArray(values, values.length).requiresGrad(true);
    }

    private static void gradAll(Optimizer<?> opt, double value) {
        for (Tensor p : opt.parameters()) {
            p.setGrad(p.detach().mul(0).add(value));
        }
    }

    @Test
    void groupsHaveTheirOwnHyperparametersAndASettableLearningRate() {
        Tensor w = param(1, 1);
        Tensor b = param(1);
        SGD opt = new SGD(List.of(w), SGD.Options.lr(0.1).withWeightDecay(0.5));
        ParamGroup<SGD.Options> biases = opt.addParamGroup(List.of(b), opt.defaults().withWeightDecay(0));
        assertThat(opt.paramGroups()).hasSize(2);
        assertThat(opt.parameters()).containsExactly(w, b);
        biases.setLr(0.2);
        assertThat(biases.lr()).isEqualTo(0.2);
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.1);
        gradAll(opt, 1);
        opt.step();
        assertThat(w.toDoubleArray()).containsExactly(1 - 0.1 * 1.5, 1 - 0.1 * 1.5);
        assertThat(b.item()).isEqualTo(1 - 0.2);
        assertThat(opt.toString()).isEqualTo("SGD(2 groups, 2 params)");
    }

    @Test
    void rejectsEmptyRepeatedAndNonLeafParameters() {
        assertThatThrownBy(() -> new SGD(List.of(), SGD.Options.lr(0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SGD: empty parameter list");
        Tensor p = param(1);
        assertThatThrownBy(() -> new SGD(List.of(p, p), SGD.Options.lr(0.1)))
                .hasMessageContaining("parameter 1 [1] appears more than once");
        SGD opt = new SGD(List.of(p), SGD.Options.lr(0.1));
        assertThatThrownBy(() -> opt.addParamGroup(List.of(p), SGD.Options.lr(0.1)))
                .hasMessageContaining("parameter 1 [1] appears more than once");
        assertThatThrownBy(() -> new SGD(List.of(p.mul(2)), SGD.Options.lr(0.1)))
                .hasMessageContaining("parameter 0 [1] is not a leaf tensor (it was made by Mul)");
        assertThat(opt.paramGroups()).as("a failed addParamGroup adds nothing").hasSize(1);
    }

    @Test
    void stateDictRoundTripsAndRestoresHyperparameters() {
        Tensor a = param(1, 2);
        Tensor b = param(3);
        SGD opt = new SGD(List.of(a, b), SGD.Options.lr(0.1).withMomentum(0.9));
        gradAll(opt, 1);
        opt.step();
        Map<String, Tensor> saved = opt.stateDict();
        assertThat(saved.keySet()).containsExactly("optimizer.SGD", "param_groups.0.params", "param_groups.0.lr",
                "param_groups.0.momentum", "param_groups.0.dampening", "param_groups.0.weight_decay",
                "param_groups.0.nesterov", "state.0.step", "state.0.momentum_buffer", "state.1.step",
                "state.1.momentum_buffer");
        assertThat(saved.get("param_groups.0.params").toDoubleArray()).containsExactly(0, 1);

        Tensor a2 = param(1, 2);
        Tensor b2 = param(3);
        SGD other = new SGD(List.of(a2, b2), SGD.Options.lr(0.5).withMomentum(0.1));
        other.loadStateDict(saved);
        assertThat(other.paramGroups().get(0).options()).isEqualTo(opt.paramGroups().get(0).options());
        assertThat(other.state(a2).step()).isEqualTo(1);
        assertThat(other.state(a2).get("momentum_buffer").toDoubleArray()).containsExactly(1, 1);
        assertThat(other.state(a2).get("momentum_buffer")).isNotSameAs(opt.state(a).get("momentum_buffer"));
    }

    @Test
    void loadingAnotherLayoutChangesNothing() {
        Tensor a = param(1, 2);
        SGD opt = new SGD(List.of(a), SGD.Options.lr(0.1).withMomentum(0.9));
        gradAll(opt, 1);
        opt.step();
        Map<String, Tensor> saved = opt.stateDict();

        Tensor c = param(1, 2, 3);
        SGD wrongShape = new SGD(List.of(c), SGD.Options.lr(0.3));
        assertThatThrownBy(() -> wrongShape.loadStateDict(saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loadStateDict into SGD: nothing was loaded; ")
                .hasMessageContaining("state.0.momentum_buffer has shape [2], parameter 0 needs [3]");
        assertThat(wrongShape.paramGroups().get(0).lr()).isEqualTo(0.3);
        assertThat(wrongShape.state(c)).isNull();

        SGD twoParams = new SGD(List.of(param(1, 2), param(1)), SGD.Options.lr(0.3));
        assertThatThrownBy(() -> twoParams.loadStateDict(saved))
                .hasMessageContaining("param_groups.0.params holds 1 parameters, this optimizer's group 0 holds 2");

        Map<String, Tensor> extra = new LinkedHashMap<>(saved);
        extra.put("state.0.velocity", Tensor.zeros(2));
        extra.put("param_groups.0.beta9", Tensor.scalar(1));
        SGD target = new SGD(List.of(param(1, 2)), SGD.Options.lr(0.3));
        assertThatThrownBy(() -> target.loadStateDict(extra))
                .hasMessageContaining("unexpected keys [param_groups.0.beta9]");

        Map<String, Tensor> bad = new LinkedHashMap<>(saved);
        bad.put("param_groups.0.lr", Tensor.scalar(-1));
        bad.remove("state.0.step");
        assertThatThrownBy(() -> target.loadStateDict(bad))
                .hasMessageContaining("param group 0: SGD: invalid learning rate -1.0")
                .hasMessageContaining("state.0.step must be a single integer >= 0, got nothing");
        assertThat(target.paramGroups().get(0).lr()).isEqualTo(0.3);
    }

    @Test
    void loadingAnotherOptimizerTypeOrAModelStateDictFails() {
        Tensor a = param(1, 2);
        SGD opt = new SGD(List.of(a), SGD.Options.lr(0.1));
        Map<String, Tensor> saved = new LinkedHashMap<>(opt.stateDict());
        saved.remove("optimizer.SGD");
        saved.put("optimizer.Adam", Tensor.scalar(1));
        assertThatThrownBy(() -> opt.loadStateDict(saved))
                .hasMessage("loadStateDict into SGD: nothing was loaded; the state dict is of Adam, not SGD;"
                        + " load it into an optimizer of that type");
        assertThatThrownBy(() -> opt.loadStateDict(Map.of("weight", a)))
                .hasMessageContaining("this is not an optimizer state dict");
    }

    @Test
    void savesToAndLoadsFromASafetensorsFile(@TempDir Path dir) throws IOException {
        Tensor a = Tensor.fromArray(new float[] {1, 2}, 2).requiresGrad(true);
        Adam opt = new Adam(List.of(a), new Adam.Options().withLr(0.1));
        a.setGrad(Tensor.fromArray(new float[] {0.3f, -0.7f}, 2));
        opt.step();
        Path file = dir.resolve("adam.safetensors");
        opt.save(file);

        Tensor b = Tensor.fromArray(new float[] {1, 2}, 2).requiresGrad(true);
        Adam loaded = new Adam(List.of(b));
        loaded.load(file);
        assertThat(loaded.paramGroups().get(0).lr()).isEqualTo(0.1);
        assertThat(loaded.state(b).get("exp_avg_sq").dtype()).isEqualTo(DType.F32);
        assertThat(loaded.state(b).get("exp_avg_sq").toFloatArray())
                .containsExactly(opt.state(a).get("exp_avg_sq").toFloatArray());

        SGD sgd = new SGD(List.of(param(1, 2)), SGD.Options.lr(0.1));
        assertThatThrownBy(() -> sgd.load(file))
                .hasMessageStartingWith("load " + file + ": loadStateDict into SGD: nothing was loaded; the state dict"
                        + " is of Adam");
        Path broken = dir.resolve("broken.safetensors");
        Files.write(broken, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> sgd.load(broken)).isInstanceOf(IOException.class).hasMessageContaining(broken.toString());
    }
}
