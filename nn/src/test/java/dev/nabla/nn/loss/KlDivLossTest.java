package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlDivLossTest {
    private static final Tensor LOG_Q = TestTensors.of(new double[] {Math.log(0.5), Math.log(0.5), Math.log(0.25),
            Math.log(0.75)}, 2, 2);
    private static final Tensor P = TestTensors.of(new double[] {0.25, 0.75, 0, 1}, 2, 2);

    private static double[] pointwise() {
        return new double[] {0.25 * Math.log(0.25 / 0.5), 0.75 * Math.log(0.75 / 0.5), 0, Math.log(1 / 0.75)};
    }

    @Test
    void isPLogPOverQWithZeroWhereTheTargetIsZero() {
        double[] expected = pointwise();
        double sum = expected[0] + expected[1] + expected[2] + expected[3];
        assertThat(Losses.klDiv(LOG_Q, P, KlDivReduction.NONE, false).toDoubleArray())
                .containsExactly(expected, within(1e-12));
        assertThat(Losses.klDiv(LOG_Q, P).item()).isCloseTo(sum / 4, within(1e-12));
        assertThat(Losses.klDiv(LOG_Q, P, KlDivReduction.SUM, false).item()).isCloseTo(sum, within(1e-12));
        assertThat(Losses.klDiv(LOG_Q, P, KlDivReduction.BATCH_MEAN, false).item()).isCloseTo(sum / 2, within(1e-12));
    }

    @Test
    void logTargetsGiveTheSameDivergence() {
        Tensor p = TestTensors.of(new double[] {0.25, 0.75, 0.4, 0.6}, 2, 2);
        assertThat(new KlDivLoss().logTarget(true).reduction(KlDivReduction.NONE).apply(LOG_Q, p.log()).toDoubleArray())
                .containsExactly(Losses.klDiv(LOG_Q, p, KlDivReduction.NONE, false).toDoubleArray(), within(1e-12));
    }

    @Test
    void aLogTargetOfMinusInfinityGivesNaNAsInPyTorch() {
        Tensor logP = TestTensors.vec(Double.NEGATIVE_INFINITY, 0);
        assertThat(Losses.klDiv(TestTensors.vec(-1, -1), logP, KlDivReduction.NONE, true).toDoubleArray())
                .containsExactly(Double.NaN, 1);
    }

    @Test
    void batchMeanOfAScalarIsItsValue() {
        Tensor loss = Losses.klDiv(TestTensors.scalar(Math.log(0.5)), TestTensors.scalar(0.25), KlDivReduction.BATCH_MEAN,
                false);
        assertThat(loss.item()).isCloseTo(0.25 * Math.log(0.5), within(1e-12));
    }

    @Test
    void gradientsPassGradCheckIncludingAtZeroTargets() {
        Tensor input = TestTensors.randn(1, 3, 4).logSoftmax(1).detach().requiresGrad(true);
        Tensor target = TestTensors.of(new double[] {0.1, 0, 0.3, 0.6, 0.25, 0.25, 0.25, 0.25, 0, 0, 1, 0}, 3, 4);
        for (KlDivReduction r : KlDivReduction.values()) {
            GradCheck.verify(in -> new KlDivLoss(r, false).apply(in.get(0), target), List.of(input));
        }
        Tensor logTarget = TestTensors.randn(2, 3, 4).logSoftmax(1).detach().requiresGrad(true);
        GradCheck.verify(in -> new KlDivLoss(KlDivReduction.BATCH_MEAN, true).apply(in.get(0), in.get(1)),
                List.of(input, logTarget));
    }

    @Test
    void aNegativeOrNaNTargetGivesNaNAsInPyTorch() {
        Tensor loss = Losses.klDiv(TestTensors.vec(-1, -1), TestTensors.vec(-0.5, Double.NaN), KlDivReduction.NONE,
                false);
        assertThat(loss.toDoubleArray()).containsOnly(Double.NaN);
    }

    @Test
    void aTargetOfAnotherShapeIsAnError() {
        assertThatThrownBy(() -> Losses.klDiv(LOG_Q, TestTensors.vec(0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("klDiv: input [2, 2] and target [2] differ in shape");
    }

    @Test
    void printsAsPyTorch() {
        assertThat(new KlDivLoss()).hasToString("KLDivLoss()");
        assertThat(new KlDivLoss(KlDivReduction.BATCH_MEAN, true))
                .hasToString("KLDivLoss(reduction=BATCH_MEAN, logTarget=true)");
    }
}
