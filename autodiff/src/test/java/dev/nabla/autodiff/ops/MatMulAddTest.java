package dev.nabla.autodiff.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code input.addmm(mat1, mat2)}: the bits of a product then an add, gradients, and bad shapes. */
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
    }
}
