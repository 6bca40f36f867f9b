package dev.nabla.autodiff.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code a + alpha * b}: values rounded once, broadcasting, and gradients. */
class AddTest {

    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    @Test
    void addsAScaledOperandRoundedOnce() {
        float a = 1f;
        float b = 0x1.000002p-24f;
        float alpha = 0x1.fffffep-1f;
        Tensor x = Tensor.fromArray(new float[] {a, 2}, Shape.of(2), Device.REFERENCE);
        Tensor y = Tensor.fromArray(new float[] {b, 3}, Shape.of(2), Device.REFERENCE);
        // alpha * b lies just above half an ulp of 1 only before it is rounded: one rounding rounds up.
        assertThat(x.add(y, alpha).toFloatArray()).containsExactly(Math.fma(b, alpha, a), Math.fma(3f, alpha, 2f));
        assertThat(x.add(y, alpha).toFloatArray()[0]).isNotEqualTo(a + alpha * b);
        assertThat(x.add(y, 1).toFloatArray()).containsExactly(a + b, 5f);
    }

    @Test
    void broadcastsAndPassesGradCheck() {
        Tensor a = randn(1, 3, 4).requiresGrad(true);
        Tensor b = randn(2, 4).requiresGrad(true);
        assertThat(a.add(b, -0.5).shape()).isEqualTo(Shape.of(3, 4));
        GradCheck.verify(in -> in.get(0).add(in.get(1), -0.5).mul(in.get(0)).sum(), List.of(a, b));
        GradCheck.verify(in -> in.get(0).add(in.get(1), 1).mul(in.get(1)).sum(), List.of(a, b));
    }
}
