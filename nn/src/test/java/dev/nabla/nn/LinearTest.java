package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTest {
    @Test
    void initialisesWithinPyTorchsBounds() {
        Linear layer = new Linear(400, 50, true, new Rng(1), DType.F64, Device.REFERENCE);
        double bound = 1 / Math.sqrt(400);
        double[] w = layer.weight().toDoubleArray();
        assertThat(layer.weight().shape()).isEqualTo(Shape.of(50, 400));
        assertThat(java.util.Arrays.stream(w).allMatch(v -> v >= -bound && v < bound)).isTrue();
        double mean = java.util.Arrays.stream(w).average().orElseThrow();
        double var = java.util.Arrays.stream(w).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertThat(var).isCloseTo(bound * bound / 3, org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(java.util.Arrays.stream(layer.bias().toDoubleArray()).allMatch(v -> v >= -bound && v < bound))
                .isTrue();
    }

    @Test
    void computesXTimesWeightTransposedPlusBiasOnAnyLeadingAxes() {
        Linear layer = new Linear(3, 2, true, new Rng(2), DType.F64, Device.REFERENCE);
        Tensor x = Tensor.randn(new Rng(3), Shape.of(4, 5, 3), DType.F64, Device.REFERENCE);
        Tensor y = layer.call(x);
        assertThat(y.shape()).isEqualTo(Shape.of(4, 5, 2));
        double[] xv = x.toDoubleArray();
        double[] w = layer.weight().toDoubleArray();
        double[] b = layer.bias().toDoubleArray();
        double[] yv = y.toDoubleArray();
        for (int r = 0; r < 20; r++) {
            for (int o = 0; o < 2; o++) {
                double expected = b[o];
                for (int i = 0; i < 3; i++) {
                    expected += xv[3 * r + i] * w[3 * o + i];
                }
                assertThat(yv[2 * r + o]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void withoutGradientsTheProductReadsATransposeThatFollowsTheWeight() {
        Linear layer = new Linear(5, 3, true, new Rng(2), DType.F32, Device.REFERENCE);
        Tensor x = Tensor.randn(new Rng(3), Shape.of(4, 5), DType.F32, Device.REFERENCE);
        double[] withGrad = layer.call(x).toDoubleArray();
        try (GradMode.Scope s = GradMode.disable()) {
            assertThat(layer.call(x).toDoubleArray()).as("same bits").containsExactly(withGrad);
            assertThat(layer.call(x).toDoubleArray()).as("from the kept transpose").containsExactly(withGrad);
            layer.weight().copyFrom(layer.weight().mul(2));
            double[] after = layer.call(x).toDoubleArray();
            assertThat(after).as("a written weight is transposed again").isNotEqualTo(withGrad);
            assertThat(after).containsExactly(x.matmul(layer.weight().mT()).add(layer.bias()).toDoubleArray());
        }
    }

    @Test
    void aFrozenWeightStillPassesTheGradientToTheInput() {
        Linear layer = new Linear(3, 2, true, new Rng(2), DType.F64, Device.REFERENCE);
        Tensor x = Tensor.randn(new Rng(5), Shape.of(4, 3), DType.F64, Device.REFERENCE).requiresGrad(true);
        layer.call(x).tanh().sum().backward();
        double[] expected = x.grad().toDoubleArray();
        x.zeroGrad();
        layer.weight().zeroGrad();
        layer.weight().requiresGrad(false);
        layer.call(x).tanh().sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(expected);
        assertThat(layer.weight().grad()).isNull();
    }

    @Test
    void gradientsPassGradCheck() {
        Linear layer = new Linear(3, 2, true, new Rng(2), DType.F64, Device.REFERENCE);
        Tensor x = Tensor.randn(new Rng(5), Shape.of(4, 3), DType.F64, Device.REFERENCE).requiresGrad(true);
        GradCheck.verify(in -> layer.call(in.get(0)).tanh(), List.of(x, layer.weight(), layer.bias()));
    }

    @Test
    void withoutBiasHasOnlyAWeight() {
        Linear layer = new Linear(3, 2, false, new Rng(2), DType.F32, Device.REFERENCE);
        assertThat(layer.namedParameters()).containsOnlyKeys("weight");
        assertThat(layer.bias()).isNull();
        assertThat(layer).hasToString("Linear(in_features=3, out_features=2, bias=False)");
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> new Linear(0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear: sizes must be positive, got in=0 out=2");
    }
}
