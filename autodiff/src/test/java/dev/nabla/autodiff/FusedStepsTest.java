package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.SgdStep;
import org.junit.jupiter.api.Test;

class FusedStepsTest {
    private static final SgdStep MOMENTUM = new SgdStep(0.5, 0.9, 0, 0, false);

    @Test
    void updatesTheParameterInPlaceAndCountsTheWrite() {
        Tensor p = Tensor.of(1, 2, 3);
        Tensor view = p.view(3, 1);
        int version = p.storage().version();
        Tensor buffer = FusedSteps.sgd(p, Tensor.of(2, 2, 2), null, MOMENTUM);
        assertThat(p.toDoubleArray()).containsExactly(0, 1, 2);
        assertThat(view.toDoubleArray()).as("views see the write").containsExactly(0, 1, 2);
        assertThat(buffer.toDoubleArray()).containsExactly(2, 2, 2);
        assertThat(p.storage().version()).isEqualTo(version + 1);
        Tensor next = FusedSteps.sgd(p, Tensor.of(0, 0, 0), buffer, MOMENTUM);
        double decayed = 0.9f * 2f;
        assertThat(next.toDoubleArray()).containsExactly(decayed, decayed, decayed);
        assertThat(buffer.toDoubleArray()).as("the old buffer is only read").containsExactly(2, 2, 2);
    }

    @Test
    void withoutMomentumThereIsNoBuffer() {
        Tensor p = Tensor.of(1, 2);
        assertThat(FusedSteps.sgd(p, Tensor.of(1, 1), null, new SgdStep(0.25, 0, 0, 0, false))).isNull();
        assertThat(p.toDoubleArray()).containsExactly(0.75, 1.75);
    }

    @Test
    void rejectsMismatchedOperandsAndChangesNothing() {
        Tensor p = Tensor.of(1, 2, 3);
        assertThatThrownBy(() -> FusedSteps.sgd(p, Tensor.of(1, 2), null, MOMENTUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sgdStep: grad [2] F32 must match the parameter [3] F32");
        assertThatThrownBy(() -> FusedSteps.sgd(p, Tensor.of(1, 2, 3).to(DType.F64), null, MOMENTUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grad [3] F64");
        assertThatThrownBy(() -> FusedSteps.sgd(p, Tensor.of(1, 2, 3), Tensor.of(1), MOMENTUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum buffer [1]");
        assertThat(p.toDoubleArray()).containsExactly(1, 2, 3);
    }

    @Test
    void refusesToWriteAParameterThatRequiresGradWhileGradModeIsOn() {
        Tensor p = Tensor.of(1, 2).requiresGrad(true);
        assertThatThrownBy(() -> FusedSteps.sgd(p, Tensor.of(1, 1), null, MOMENTUM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GradMode.disable()");
        try (GradMode.Scope s = GradMode.disable()) {
            FusedSteps.sgd(p, Tensor.of(1, 1), null, MOMENTUM);
        }
        assertThat(p.detach().toDoubleArray()).containsExactly(0.5, 1.5);
    }
}
