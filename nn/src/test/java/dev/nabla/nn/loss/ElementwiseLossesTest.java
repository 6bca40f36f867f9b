package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementwiseLossesTest {
    private static final Tensor X = TestTensors.vec(0.0, 1.0, 3.0, -2.0);
    private static final Tensor Y = TestTensors.vec(0.5, 1.0, 0.0, 0.0);
    // |x - y| = 0.5, 0, 3, 2

    @Test
    void mseSquaresTheDifferenceUnderEveryReduction() {
        assertThat(Losses.mseLoss(X, Y, Reduction.NONE).toDoubleArray()).containsExactly(0.25, 0, 9, 4);
        assertThat(Losses.mseLoss(X, Y, Reduction.SUM).item()).isEqualTo(13.25);
        assertThat(Losses.mseLoss(X, Y).item()).isEqualTo(13.25 / 4);
        assertThat(Losses.mseLoss(X, Y).shape().rank()).isZero();
    }

    @Test
    void l1TakesTheAbsoluteDifferenceAndHasZeroGradientWhereEqual() {
        assertThat(Losses.l1Loss(X, Y, Reduction.NONE).toDoubleArray()).containsExactly(0.5, 0, 3, 2);
        assertThat(Losses.l1Loss(X, Y).item()).isEqualTo(5.5 / 4);
        Tensor x = TestTensors.vec(0.0, 1.0, 3.0, -2.0).requiresGrad(true);
        Losses.l1Loss(x, Y, Reduction.SUM).backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(-1, 0, 1, -1);
    }

    @Test
    void smoothL1IsQuadraticBelowBetaAndLinearAbove() {
        // beta 2: 0.5^2/4 = 0.0625, 0, 3 - 1 = 2, 2 - 1 = 1 (z = beta is the linear side)
        assertThat(Losses.smoothL1Loss(X, Y, Reduction.NONE, 2.0).toDoubleArray()).containsExactly(0.0625, 0, 2, 1);
        assertThat(Losses.smoothL1Loss(X, Y).item()).isEqualTo((0.125 + 0 + 2.5 + 1.5) / 4);
        assertThat(new SmoothL1Loss().reduction(Reduction.SUM).beta(2.0)).isEqualTo(new SmoothL1Loss(Reduction.SUM, 2));
    }

    @Test
    void smoothL1WithBetaZeroIsL1IncludingTheGradient() {
        Tensor x = TestTensors.vec(0.0, 1.0, 3.0, -2.0).requiresGrad(true);
        Tensor loss = Losses.smoothL1Loss(x, Y, Reduction.SUM, 0.0);
        assertThat(loss.item()).isEqualTo(5.5);
        loss.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(-1, 0, 1, -1);
    }

    @Test
    void huberIsSmoothL1ScaledByDelta() {
        // delta 2: 0.5 * 0.25, 0, 2 * (3 - 1), 2 * (2 - 1)
        assertThat(Losses.huberLoss(X, Y, Reduction.NONE, 2.0).toDoubleArray()).containsExactly(0.125, 0, 4, 2);
        assertThat(Losses.huberLoss(X, Y).item()).isEqualTo((0.125 + 0 + 2.5 + 1.5) / 4);
        Tensor smooth = Losses.smoothL1Loss(X, Y, Reduction.SUM, 0.7);
        assertThat(Losses.huberLoss(X, Y, Reduction.SUM, 0.7).item()).isCloseTo(0.7 * smooth.item(), within(1e-12));
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor x = TestTensors.randn(1, 3, 5);
        Tensor y = TestTensors.randn(2, 3, 5);
        List<Loss> losses = List.of(new MseLoss(Reduction.NONE), new L1Loss(), new SmoothL1Loss(Reduction.SUM, 0.5),
                new HuberLoss(Reduction.NONE, 0.8));
        for (Loss loss : losses) {
            GradCheck.verify(in -> loss.apply(in.get(0), in.get(1)), List.of(x, y));
        }
    }

    @Test
    void nanInTheInputPropagatesAsInPyTorch() {
        Tensor x = TestTensors.vec(Double.NaN, 1.0);
        Tensor y = TestTensors.vec(0.0, 1.0);
        for (Loss loss : List.<Loss>of(new MseLoss(), new L1Loss(), new SmoothL1Loss(), new HuberLoss())) {
            assertThat(loss.apply(x, y).item()).as(loss.toString()).isNaN();
        }
    }

    @Test
    void aTargetOfAnotherShapeIsAnErrorNamingBothShapes() {
        Tensor x = TestTensors.randn(1, 4);
        Tensor y = TestTensors.randn(2, 4, 1);
        assertThatThrownBy(() -> Losses.mseLoss(x, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mseLoss: input [4] and target [4, 1] differ in shape; the target must have the input's"
                        + " shape (losses do not broadcast it: reshape the target to [4])");
        assertThatThrownBy(() -> Losses.huberLoss(x, y)).hasMessageStartingWith("huberLoss: input [4] and target [4, 1]");
    }

    @Test
    void aTargetOfAnotherDTypeIsAnError() {
        assertThatThrownBy(() -> Losses.l1Loss(X, Y.to(DType.F32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("l1Loss: operands have different dtypes, F64 [4] and F32 [4]");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new SmoothL1Loss().beta(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SmoothL1Loss: beta must be >= 0, got -1.0");
        assertThatThrownBy(() -> new HuberLoss().delta(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HuberLoss: delta must be > 0, got 0.0");
        assertThatThrownBy(() -> new MseLoss(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void printsAsPyTorchWithTheSettingsThatDifferFromItsDefaults() {
        assertThat(new MseLoss()).hasToString("MSELoss()");
        assertThat(new L1Loss(Reduction.SUM)).hasToString("L1Loss(reduction=SUM)");
        assertThat(new SmoothL1Loss().beta(0.5)).hasToString("SmoothL1Loss(beta=0.5)");
        assertThat(new HuberLoss(Reduction.NONE, 2)).hasToString("HuberLoss(reduction=NONE, delta=2.0)");
    }
}
