package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.AdamStep;
import dev.nabla.tensor.spi.RmspropStep;
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

    @Test
    void adamUpdatesInPlaceAndReturnsNewMoments() {
        Tensor p = Tensor.of(1, 2);
        Tensor m = Tensor.of(0, 0);
        Tensor v = Tensor.of(0, 0);
        int version = p.storage().version();
        FusedSteps.AdamMoments next = FusedSteps.adam(p, Tensor.of(3, -3), m, v, null,
                new AdamStep(0.1, 0.9, 0.999, 1e-8, 0, false, true, 1));
        // The first step moves each element by about lr against the gradient's sign.
        assertThat(p.toDoubleArray()).containsExactly(0.9f, 2.1f);
        assertThat(p.storage().version()).isEqualTo(version + 1);
        assertThat(next.expAvg().toDoubleArray()).containsExactly(0.3f, -0.3f);
        assertThat(next.maxExpAvgSq().toDoubleArray()).containsExactly(next.expAvgSq().toDoubleArray());
        assertThat(m.toDoubleArray()).as("the old moments are only read").containsExactly(0, 0);
        assertThat(FusedSteps.adam(p, Tensor.of(1, 1), m, v, null,
                new AdamStep(0.1, 0.9, 0.999, 1e-8, 0, false, false, 1)).maxExpAvgSq()).isNull();
    }

    @Test
    void adamRejectsMismatchedMomentsAndChangesNothing() {
        Tensor p = Tensor.of(1, 2);
        AdamStep step = new AdamStep(0.1, 0.9, 0.999, 1e-8, 0, false, true, 1);
        assertThatThrownBy(() -> FusedSteps.adam(p, Tensor.of(1, 1), Tensor.of(0), Tensor.of(0, 0), null, step))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adamStep: exp_avg [1] F32 must match the parameter [2] F32");
        assertThatThrownBy(() -> FusedSteps.adam(p, Tensor.of(1, 1), Tensor.of(0, 0), Tensor.of(0, 0),
                Tensor.of(0, 0).to(DType.F64), step))
                .hasMessageContaining("max_exp_avg_sq [2] F64");
        assertThat(p.toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void rmspropUpdatesInPlaceAndReturnsNewAveragesAsConfigured() {
        Tensor p = Tensor.of(1, 2);
        Tensor sq = Tensor.of(0, 0);
        Tensor avg = Tensor.of(0, 0);
        Tensor buffer = Tensor.of(0, 0);
        int version = p.storage().version();
        FusedSteps.RmspropAverages next = FusedSteps.rmsprop(p, Tensor.of(3, -3), sq, avg, buffer,
                new RmspropStep(0.01, 0.99, 1e-8, 0, 0.9, true));
        // Centered, first step: the variance is 0.01 g^2 - (0.01 g)^2 = 0.0099 g^2, so each element
        // moves by lr / sqrt(0.0099), about 0.1005, against the gradient's sign.
        assertThat(p.toDoubleArray()[0]).isCloseTo(1 - 0.01 / Math.sqrt(0.0099), within(1e-6));
        assertThat(p.toDoubleArray()[1]).isCloseTo(2 + 0.01 / Math.sqrt(0.0099), within(1e-6));
        assertThat(p.storage().version()).isEqualTo(version + 1);
        assertThat(next.squareAvg().toDoubleArray()).containsExactly(0.01f * 9, 0.01f * 9);
        assertThat(next.gradAvg().toDoubleArray()[0]).isCloseTo(0.03, within(1e-7));
        assertThat(next.momentumBuffer().toDoubleArray()[1]).isCloseTo(-1 / Math.sqrt(0.0099), within(1e-5));
        assertThat(sq.toDoubleArray()).as("the old averages are only read").containsExactly(0, 0);
        FusedSteps.RmspropAverages plain = FusedSteps.rmsprop(p, Tensor.of(1, 1), sq, null, null,
                new RmspropStep(0.01, 0.99, 1e-8, 0, 0, false));
        assertThat(plain.gradAvg()).isNull();
        assertThat(plain.momentumBuffer()).isNull();
    }

    @Test
    void rmspropRejectsMissingOrMismatchedStateAndChangesNothing() {
        Tensor p = Tensor.of(1, 2);
        RmspropStep centered = new RmspropStep(0.01, 0.99, 1e-8, 0, 0, true);
        assertThatThrownBy(() -> FusedSteps.rmsprop(p, Tensor.of(1, 1), Tensor.of(0, 0), null, null, centered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rmspropStep: grad_avg is missing");
        assertThatThrownBy(() -> FusedSteps.rmsprop(p, Tensor.of(1, 1), Tensor.of(0, 0), null, Tensor.of(0),
                new RmspropStep(0.01, 0.99, 1e-8, 0, 0.9, false)))
                .hasMessageContaining("rmspropStep: momentum_buffer [1] F32 must match the parameter [2] F32");
        assertThat(p.toDoubleArray()).containsExactly(1, 2);
    }
}
