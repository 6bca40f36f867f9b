package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNormTest {
    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    private static LayerNorm layerNorm(boolean affine, int... shape) {
        return new LayerNorm(shape, 1e-5, affine, DType.F64, Device.REFERENCE);
    }

    @Test
    void normalisesEachSampleOverTheTrailingAxes() {
        LayerNorm ln = layerNorm(true, 3, 4);
        Tensor x = randn(1, 2, 3, 4).mul(3.0).add(2.0);
        Tensor y = ln.call(x);
        assertThat(y.shape()).isEqualTo(Shape.of(2, 3, 4));
        for (Tensor sample : List.of(y.narrow(0, 0, 1), y.narrow(0, 1, 1))) {
            assertThat(sample.mean().item()).isCloseTo(0, offset(1e-12));
            assertThat(sample.var(new int[] {0, 1, 2}, 0, false).item()).isCloseTo(1, offset(1e-4));
        }
        ln.eval();
        assertThat(ln.call(x).toDoubleArray()).containsExactly(y.toDoubleArray());
        assertThat(ln.stateDict().keySet()).containsExactly("weight", "bias");
        assertThat(ln.weight().shape()).isEqualTo(Shape.of(3, 4));
    }

    @Test
    void gradientsPassGradCheck() {
        LayerNorm ln = layerNorm(true, 5);
        try (GradMode.Scope s = GradMode.disable()) {
            ln.weight().copyFrom(randn(2, 5));
            ln.bias().copyFrom(randn(3, 5));
        }
        Tensor x = randn(4, 3, 5).requiresGrad(true);
        Tensor w = randn(5, 3, 5);
        GradCheck.verify(in -> ln.call(in.get(0)).mul(w), List.of(x, ln.weight(), ln.bias()));
    }

    @Test
    void printsLikePyTorch() {
        assertThat(new LayerNorm(4)).hasToString("LayerNorm((4,), eps=1e-05, elementwise_affine=True)");
        assertThat(layerNorm(false, 3, 4)).hasToString("LayerNorm((3, 4), eps=1e-05, elementwise_affine=False)");
        assertThat(layerNorm(false, 3).stateDict()).isEmpty();
    }

    @Test
    void rejectsAnInputNotEndingInTheNormalizedShape() {
        assertThatThrownBy(() -> new LayerNorm(3, 4).call(Tensor.zeros(2, 4, 3)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of LayerNorm: layerNorm: input of shape [2, 4, 3] does not end in the normalized"
                        + " shape [3, 4]; expected [*, 3, 4]");
        assertThatThrownBy(() -> new LayerNorm(3, 4).call(Tensor.zeros(4))).hasMessageContaining("expected [*, 3, 4]");
        assertThatThrownBy(() -> new LayerNorm()).hasMessageContaining("normalizedShape must be one or more positive");
        assertThatThrownBy(() -> new LayerNorm(3, 0)).hasMessageContaining("got [3, 0]");
    }
}
