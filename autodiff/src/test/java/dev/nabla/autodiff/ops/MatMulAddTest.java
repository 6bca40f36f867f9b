package dev.nabla.autodiff.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.LinearAlgebra;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code input.addmm(mat1, mat2)} and {@link LinearAlgebra#addmmRelu}: the bits of a product then
 * an add (then a ReLU), gradients, and bad shapes.
 */
class MatMulAddTest {

    private static Tensor randn(long seed, DType dtype, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), dtype, Device.REFERENCE);
    }

    @Test
    void equalsTheProductThenTheAddBitForBit() {
        Tensor x = randn(1, DType.F32, 7, 33);
        Tensor w = randn(2, DType.F32, 5, 33);
        for (Tensor input : List.of(randn(3, DType.F32, 5), randn(4, DType.F32, 7, 5), randn(5, DType.F32, 7, 1),
                Tensor.scalar(0.25f))) {
            assertThat(input.addmm(x, w.mT()).toFloatArray())
                    .as("input %s", input.shape())
                    .containsExactly(x.matmul(w.mT()).add(input).toFloatArray());
        }
    }

    @Test
    void passesGradCheckWithEveryOperandBroadcastOrStrided() {
        Tensor bias = randn(6, DType.F64, 4).requiresGrad(true);
        Tensor column = randn(7, DType.F64, 3, 1).requiresGrad(true);
        Tensor x = randn(8, DType.F64, 3, 5).requiresGrad(true);
        Tensor w = randn(9, DType.F64, 4, 5).requiresGrad(true);
        GradCheck.verify(in -> in.get(0).addmm(in.get(1), in.get(2).mT()).mul(in.get(1).sum()).sum(), List.of(bias, x, w));
        GradCheck.verify(in -> in.get(0).addmm(in.get(1), in.get(2).mT()).tanh().sum(), List.of(column, x, w));
    }

    @Test
    void addmmReluEqualsTheAddmmThenTheReluBitForBit() {
        Tensor x = randn(21, DType.F32, 9, 40);
        Tensor w = randn(22, DType.F32, 6, 40);
        for (Tensor input : List.of(randn(23, DType.F32, 6), randn(24, DType.F32, 9, 6), Tensor.scalar(-0.5f))) {
            float[] fused = LinearAlgebra.addmmRelu(input, x, w.mT()).toFloatArray();
            assertThat(fused).as("input %s", input.shape()).containsExactly(input.addmm(x, w.mT()).relu().toFloatArray());
            float largest = 0;
            for (float v : fused) {
                largest = Math.max(largest, v);
            }
            assertThat(fused).as("some outputs clipped").contains(0f);
            assertThat(largest).as("some outputs kept").isPositive();
        }
    }

    @Test
    void addmmReluHasTheGradientsOfTheSeparateOps() {
        Tensor bias = randn(25, DType.F32, 6).requiresGrad(true);
        Tensor x = randn(26, DType.F32, 9, 40).requiresGrad(true);
        Tensor w = randn(27, DType.F32, 6, 40).requiresGrad(true);
        Tensor upstream = randn(28, DType.F32, 9, 6);
        LinearAlgebra.addmmRelu(bias, x, w.mT()).mul(upstream).sum().backward();
        List<float[]> fused = List.of(bias.grad().toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray());
        for (Tensor t : List.of(bias, x, w)) {
            t.zeroGrad();
        }
        bias.addmm(x, w.mT()).relu().mul(upstream).sum().backward();
        assertThat(bias.grad().toFloatArray()).containsExactly(fused.get(0));
        assertThat(x.grad().toFloatArray()).containsExactly(fused.get(1));
        assertThat(w.grad().toFloatArray()).containsExactly(fused.get(2));
    }

    @Test
    void addmmReluPassesGradCheck() {
        Tensor bias = randn(29, DType.F64, 4).requiresGrad(true);
        Tensor x = randn(30, DType.F64, 3, 5).requiresGrad(true);
        Tensor w = randn(31, DType.F64, 4, 5).requiresGrad(true);
        GradCheck.verify(in -> LinearAlgebra.addmmRelu(in.get(0), in.get(1), in.get(2).mT()).mul(in.get(1).sum()).sum(),
                List.of(bias, x, w));
    }

    @Test
    void namesWhatIsWrong() {
        Tensor x = randn(10, DType.F32, 3, 5);
        Tensor w = randn(11, DType.F32, 5, 4);
        assertThatThrownBy(() -> randn(12, DType.F32, 4).addmm(x, randn(13, DType.F32, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("addmm: mat1[3, 5] @ mat2[4, 4]: mat1.shape[1]=5 must equal mat2.shape[0]=4");
        assertThatThrownBy(() -> randn(12, DType.F32, 4).addmm(x.reshape(3, 5, 1), w))
                .hasMessage("addmm: mat1[3, 5, 1] and mat2[5, 4] must both be matrices (2-D)");
        assertThatThrownBy(() -> randn(14, DType.F32, 3).addmm(x, w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addmm (input[3] added to the product [3, 4])");
        assertThatThrownBy(() -> randn(15, DType.F32, 2, 3, 4).addmm(x, w))
                .hasMessage("addmm (input[2, 3, 4] added to the product [3, 4]): input must broadcast to [3, 4]");
        assertThatThrownBy(() -> randn(16, DType.F64, 4).addmm(x, w))
                .hasMessageContaining("addmm: operands have different dtypes, F64 [4] and F32 [3, 5]");
        assertThatThrownBy(() -> LinearAlgebra.addmmRelu(randn(17, DType.F32, 4), x, randn(18, DType.F32, 4, 4)))
                .hasMessage("addmmRelu: mat1[3, 5] @ mat2[4, 4]: mat1.shape[1]=5 must equal mat2.shape[0]=4");
    }
}
