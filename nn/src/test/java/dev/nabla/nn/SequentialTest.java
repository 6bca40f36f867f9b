package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Sequential fuses a Linear and the ReLU after it: the same bits and gradients as the modules one by one. */
class SequentialTest {

    private static Linear linear(int in, int out, boolean bias, long seed) {
        return new Linear(in, out, bias, new Rng(seed), DType.F32, Device.REFERENCE);
    }

    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F32, Device.REFERENCE);
    }

    /** The modules of {@code model} called one by one, as an unfused forward would. */
    private static Tensor oneByOne(Sequential model, Tensor x) {
        Tensor y = x;
        for (Module m : model.children()) {
            y = m.call(y);
        }
        return y;
    }

    @Test
    void fusesALinearAndTheReluAfterItWithTheSameBits() {
        for (boolean bias : new boolean[] {true, false}) {
            Sequential model = new Sequential(linear(6, 9, bias, 1), Activation.relu());
            for (Tensor x : List.of(randn(2, 5, 6), randn(3, 2, 4, 6))) {
                Tensor fused = model.call(x);
                assertThat(fused.shape()).isEqualTo(oneByOne(model, x).shape());
                assertThat(fused.toFloatArray()).as("bias %s, input %s", bias, x.shape())
                        .containsExactly(oneByOne(model, x).toFloatArray());
            }
        }
        Tensor x = randn(4, 5, 6);
        assertThat(new Sequential(linear(6, 9, true, 1), Activation.relu()).call(x).creatorName())
                .isEqualTo("MatMulAddRelu");
    }

    @Test
    void fusedForwardHasTheGradientsOfTheModulesOneByOne() {
        Sequential model = new Sequential(linear(6, 9, true, 5), Activation.relu(), linear(9, 3, true, 6),
                Activation.relu(), linear(3, 2, true, 7));
        Tensor x = randn(8, 7, 6).requiresGrad(true);
        Tensor upstream = randn(9, 7, 2);
        model.call(x).mul(upstream).sum().backward();
        List<float[]> fused = model.parameters().stream().map(p -> p.grad().toFloatArray()).toList();
        float[] fusedInput = x.grad().toFloatArray();
        model.zeroGrad();
        x.zeroGrad();
        oneByOne(model, x).mul(upstream).sum().backward();
        for (int i = 0; i < fused.size(); i++) {
            assertThat(model.parameters().get(i).grad().toFloatArray()).as("parameter %d", i)
                    .containsExactly(fused.get(i));
        }
        assertThat(x.grad().toFloatArray()).containsExactly(fusedInput);
    }

    @Test
    void fusesInInferenceWithTheSameBits() {
        Sequential model = new Sequential(linear(6, 9, true, 10), Activation.relu(), linear(9, 3, true, 11));
        model.eval();
        Tensor x = randn(12, 5, 6);
        try (GradMode.Scope s = GradMode.disable()) {
            assertThat(model.call(x).toFloatArray()).containsExactly(oneByOne(model, x).toFloatArray());
        }
    }

    @Test
    void leavesOtherNeighboursUnfused() {
        Tensor x = randn(13, 5, 6);
        assertThat(new Sequential(linear(6, 9, true, 14), Activation.tanh(), Activation.relu()).call(x).creatorName())
                .isEqualTo("relu");
        assertThat(new Sequential(Activation.relu(), linear(6, 9, true, 15)).call(x).creatorName())
                .isEqualTo("MatMulAdd");
        assertThat(new Sequential(linear(6, 9, true, 16), Activation.leakyRelu()).call(x).creatorName())
                .isNotEqualTo("MatMulAddRelu");
    }
}
