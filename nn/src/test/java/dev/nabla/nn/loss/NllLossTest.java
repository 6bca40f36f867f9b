package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class NllLossTest {
    private static final Tensor LOG_PROBS = TestTensors.of(new double[] {-0.1, -2, -3, -1, -0.5, -4}, 2, 3);

    @Test
    void picksTheNegatedLogProbabilityOfTheTargetClass() {
        Tensor target = TestTensors.vec(0, 2);
        assertThat(Losses.nllLoss(LOG_PROBS, target, null, -100, Reduction.NONE).toDoubleArray())
                .containsExactly(0.1, 4);
        assertThat(Losses.nllLoss(LOG_PROBS, target).item()).isCloseTo(2.05, within(1e-12));
        Tensor weighted = Losses.nllLoss(LOG_PROBS, target, TestTensors.vec(2, 1, 0.5), -100, Reduction.MEAN);
        assertThat(weighted.item()).isCloseTo((0.2 + 2) / 2.5, within(1e-12));
        assertThat(Losses.nllLoss(LOG_PROBS, target, TestTensors.vec(2, 1, 0.5), -100, Reduction.SUM).item())
                .isCloseTo(2.2, within(1e-12));
    }

    @Test
    void ignoresTargetsEqualToTheIgnoreIndexEvenInsideTheClassRange() {
        Tensor loss = new NllLoss().ignoreIndex(2).weight(TestTensors.vec(2, 1, 0.5)).apply(LOG_PROBS,
                TestTensors.vec(0, 2));
        assertThat(loss.item()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void crossEntropyIsNllOfTheLogSoftmax() {
        Tensor x = TestTensors.randn(1, 4, 5, 2);
        Tensor target = TestTensors.of(new double[] {0, 4, 3, -100, 1, 1, 2, 0}, 4, 2);
        Tensor w = TestTensors.vec(1, 2, 0.5, 1, 3);
        for (Reduction r : Reduction.values()) {
            assertThat(new NllLoss(w, -100, r).apply(x.logSoftmax(1), target).toDoubleArray())
                    .containsExactly(new CrossEntropyLoss(w, -100, r, 0).apply(x, target).toDoubleArray(),
                            within(1e-12));
        }
    }

    @Test
    void anUnbatchedInputGivesAScalarEvenUnreduced() {
        Tensor row = LOG_PROBS.slice(0, 1, 2).reshape(3);
        Tensor loss = new NllLoss().reduction(Reduction.NONE).apply(row, TestTensors.scalar(1));
        assertThat(loss.shape()).isEqualTo(Shape.scalar());
        assertThat(loss.item()).isEqualTo(0.5);
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor x = TestTensors.randn(2, 3, 4, 2);
        Tensor target = TestTensors.of(new double[] {0, 3, 1, 1, 2, -100}, 3, 2);
        for (Reduction r : Reduction.values()) {
            NllLoss loss = new NllLoss(TestTensors.vec(0.5, 1, 2, 1.5), -100, r);
            GradCheck.verify(in -> loss.apply(in.get(0), target), List.of(x));
        }
    }

    @Test
    void shapeWeightAndValueErrorsNameTheShapes() {
        assertThatThrownBy(() -> Losses.nllLoss(LOG_PROBS, TestTensors.vec(0, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nllLoss: target [3] does not fit input [2, 3]; expected class indices of shape [2]");
        assertThatThrownBy(() -> Losses.nllLoss(LOG_PROBS, LOG_PROBS))
                .hasMessage("nllLoss: target [2, 3] does not fit input [2, 3]; expected class indices of shape [2]");
        assertThatThrownBy(() -> Losses.nllLoss(LOG_PROBS, TestTensors.vec(0, 1), TestTensors.vec(1, 1, 1, 1), -100,
                Reduction.MEAN))
                .hasMessage("nllLoss: weight of shape [4] must hold one value per class, shape [3], for input [2, 3]"
                        + " with 3 classes on axis 1");
        assertThatThrownBy(() -> Losses.nllLoss(LOG_PROBS, TestTensors.vec(0, 7)))
                .hasMessageStartingWith("nllLoss: target value 7 at flat position 1 is out of range for 3 classes");
        assertThatThrownBy(() -> Losses.nllLoss(LOG_PROBS, TestTensors.vec(0.25, 1)))
                .hasMessageStartingWith("nllLoss: target value 0.25 at flat position 0 is not a whole number");
        assertThatThrownBy(() -> new NllLoss().apply(TestTensors.of(new double[0], 2, 0), TestTensors.vec(0, 0)))
                .hasMessage("nllLoss: input [2, 0] has no classes (axis 1 has size 0)");
    }

    @Test
    void printsAsPyTorchWithTheSettingsThatDifferFromItsDefaults() {
        assertThat(new NllLoss()).hasToString("NLLLoss()");
        assertThat(new NllLoss().ignoreIndex(3)).hasToString("NLLLoss(ignoreIndex=3)");
    }
}
