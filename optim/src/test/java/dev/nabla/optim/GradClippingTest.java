package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradClippingTest {
    private static Tensor withGrad(double... grad) {
        Tensor p = Tensor.zeros(grad.length).requiresGrad(true);
        p.setGrad(Tensor.fromArray(grad, grad.length));
        return p;
    }

    @Test
    void scalesAllGradientsTogetherAndReturnsTheNormBefore() {
        Tensor a = withGrad(3, 0);
        Tensor b = withGrad(4);
        Tensor none = Tensor.zeros(2).requiresGrad(true);
        double norm = GradClipping.clipGradNorm(List.of(a, b, none), 1);
        assertThat(norm).isCloseTo(5, within(1e-15));
        double coef = 1 / (5 + 1e-6);
        assertThat(a.grad().toDoubleArray()[0]).isCloseTo(3 * coef, within(1e-15));
        assertThat(b.grad().item()).isCloseTo(4 * coef, within(1e-15));
        assertThat(none.grad()).isNull();
    }

    @Test
    void leavesSmallGradientsAloneAndSupportsOtherNorms() {
        Tensor a = withGrad(0.3, -0.4);
        assertThat(GradClipping.clipGradNorm(List.of(a), 1)).isCloseTo(0.5, within(1e-15));
        assertThat(a.grad().toDoubleArray()).containsExactly(0.3, -0.4);
        assertThat(GradClipping.clipGradNorm(List.of(a), 1, Double.POSITIVE_INFINITY, false)).isEqualTo(0.4);
        Tensor b = withGrad(1, -2);
        assertThat(GradClipping.clipGradNorm(List.of(b), 10, 1, false)).isEqualTo(3);
        assertThat(GradClipping.clipGradNorm(List.of(b), 10, 3, false)).isCloseTo(Math.cbrt(9), within(1e-14));
        assertThat(GradClipping.clipGradNorm(List.of(Tensor.zeros(1).requiresGrad(true)), 1)).isZero();
    }

    @Test
    void aNonFiniteNormSpreadsUnlessItIsAnError() {
        Tensor a = withGrad(Double.NaN, 1);
        assertThat(GradClipping.clipGradNorm(List.of(a), 1)).isNaN();
        assertThat(a.grad().toDoubleArray()[1]).isNaN();
        Tensor b = withGrad(Double.POSITIVE_INFINITY, 1);
        assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(b), 1, 2, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clipGradNorm: the total norm of order 2.0 of the gradients is Infinity");
        assertThat(b.grad().toDoubleArray()[1]).as("untouched after the error").isEqualTo(1);
    }

    @Test
    void clampsByValue() {
        Tensor a = withGrad(-3, 0.5, 2);
        GradClipping.clipGradValue(List.of(a), 1);
        assertThat(a.grad().toDoubleArray()).containsExactly(-1, 0.5, 1);
    }

    @Test
    void rejectsBadArguments() {
        Tensor a = withGrad(1);
        assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(a), -1))
                .hasMessage("clipGradNorm: invalid max norm -1.0; it must be a number >= 0");
        assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(a), 1, 0, false))
                .hasMessageStartingWith("clipGradNorm: invalid norm type 0.0; it must be > 0");
        assertThatThrownBy(() -> GradClipping.clipGradValue(List.of(a), Double.NaN))
                .hasMessage("clipGradValue: invalid clip value NaN; it must be a number >= 0");
    }
}
