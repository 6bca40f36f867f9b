package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static Tensor ones(int n) {
        return Tensor.ones(Shape.of(n), DType.F64, Device.REFERENCE);
    }

    @Test
    void zeroesAboutPAndScalesTheRestByTheKeptFraction() {
        Dropout d = new Dropout(0.3, new Rng(1));
        double[] y = d.call(ones(100_000)).toDoubleArray();
        long zeros = java.util.Arrays.stream(y).filter(v -> v == 0).count();
        assertThat(zeros / 100_000.0).isCloseTo(0.3, offset(0.01)); // 7 standard deviations
        assertThat(java.util.Arrays.stream(y).filter(v -> v != 0)).allMatch(v -> v == 1 / 0.7);
    }

    @Test
    void theGradientFollowsTheMask() {
        Tensor x = ones(1000).requiresGrad(true);
        Tensor y = new Dropout(0.5, new Rng(2)).call(x);
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(y.toDoubleArray());
    }

    @Test
    void theSameSeedGivesTheSameMaskAndEvaluationIsTheIdentity() {
        Tensor x = Tensor.randn(new Rng(3), Shape.of(50), DType.F32, Device.REFERENCE);
        float[] a = new Dropout(0.4, new Rng(9)).call(x).toFloatArray();
        float[] b = new Dropout(0.4, new Rng(9)).call(x).toFloatArray();
        assertThat(a).containsExactly(b);
        Dropout d = new Dropout(0.4, new Rng(9));
        d.eval();
        assertThat(d.call(x)).isSameAs(x);
        assertThat(new Dropout(0.0).call(x)).isSameAs(x);
        assertThat(java.util.Arrays.stream(new Dropout(1.0).call(x).toDoubleArray())).allMatch(v -> v == 0); // x * 0
    }

    @Test
    void validatesPAndPrintsLikePyTorch() {
        assertThatThrownBy(() -> new Dropout(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dropout: p must be a probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Dropout(-0.1)).hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> new Dropout(Double.NaN)).hasMessageContaining("got NaN");
        assertThat(new Dropout()).hasToString("Dropout(p=0.5, inplace=False)");
        assertThat(new Dropout().stateDict()).isEmpty();
    }
}
