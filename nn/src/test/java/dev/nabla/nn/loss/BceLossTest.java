package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class BceLossTest {
    @Test
    void isTheNegativeLogLikelihoodOfTheTargets() {
        Tensor p = TestTensors.vec(0.9, 0.2, 0.5);
        Tensor y = TestTensors.vec(1, 0, 0.25);
        double[] expected = {-Math.log(0.9), -Math.log(0.8), -(0.25 * Math.log(0.5) + 0.75 * Math.log(0.5))};
        assertThat(Losses.binaryCrossEntropy(p, y, null, Reduction.NONE).toDoubleArray())
                .containsExactly(expected, within(1e-12));
        assertThat(Losses.binaryCrossEntropy(p, y).item())
                .isCloseTo((expected[0] + expected[1] + expected[2]) / 3, within(1e-12));
        assertThat(new BceLoss().weight(TestTensors.vec(2, 0, 1)).reduction(Reduction.SUM).apply(p, y).item())
                .isCloseTo(2 * expected[0] + expected[2], within(1e-12));
    }

    @Test
    void clampsTheLogAtMinusHundredWithFiniteGradientsAtZeroAndOne() {
        Tensor p = TestTensors.vec(0, 1, 0, 1).requiresGrad(true);
        Tensor y = TestTensors.vec(1, 0, 0, 1);
        Tensor loss = Losses.binaryCrossEntropy(p, y, null, Reduction.NONE);
        assertThat(loss.toDoubleArray()).containsExactly(new double[] {100, 100, 0, 0}, within(0.0));
        loss.sum().backward();
        // Through a clamped log the gradient is 0; PyTorch divides by max(x (1 - x), 1e-12) instead.
        assertThat(p.grad().toDoubleArray()).containsExactly(new double[] {0, 0, 1, -1}, within(0.0));
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor p = TestTensors.uniform(1, 0.05, 0.95, 3, 4).requiresGrad(true);
        Tensor y = TestTensors.uniform(2, 0, 1, 3, 4);
        Tensor w = TestTensors.uniform(3, 0.5, 2, 4);
        for (Reduction r : Reduction.values()) {
            GradCheck.verify(in -> new BceLoss(w, r).apply(in.get(0), in.get(1)), List.of(p, y.requiresGrad(true)));
        }
    }

    @Test
    void inputsOutsideTheUnitIntervalOrNaNAreErrors() {
        Tensor y = TestTensors.vec(1, 0, 1);
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(TestTensors.vec(0.5, 1.5, 0.2), y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binaryCrossEntropy: input value 1.5 at flat position 1 of [3] is not a probability in"
                        + " [0, 1]; apply sigmoid first, or use binaryCrossEntropyWithLogits on the raw scores");
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(TestTensors.vec(0.5, 0.5, -0.1), y))
                .hasMessageStartingWith("binaryCrossEntropy: input value -0.1 at flat position 2");
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(TestTensors.vec(Double.NaN, 0.5, 0.5), y))
                .hasMessageStartingWith("binaryCrossEntropy: input value NaN at flat position 0");
    }

    @Test
    void shapeAndWeightErrorsNameTheShapes() {
        Tensor p = TestTensors.uniform(1, 0, 1, 2, 3);
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(p, TestTensors.uniform(1, 0, 1, 3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("binaryCrossEntropy: input [2, 3] and target [3, 2] differ in shape");
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(p, p, TestTensors.vec(1, 2), Reduction.MEAN))
                .hasMessageStartingWith("binaryCrossEntropy: shapes [2] and [2, 3] do not broadcast");
        assertThatThrownBy(() -> Losses.binaryCrossEntropy(p, p, TestTensors.uniform(1, 0, 1, 4, 1, 3),
                Reduction.MEAN))
                .hasMessage("binaryCrossEntropy: weight of shape [4, 1, 3] broadcasts input [2, 3] up to [4, 2, 3];"
                        + " it must broadcast to the input's shape (e.g. one value per element or per class of the"
                        + " last axis)");
    }

    @Test
    void printsAsPyTorch() {
        assertThat(new BceLoss()).hasToString("BCELoss()");
        assertThat(new BceLoss().weight(TestTensors.vec(1, 2))).hasToString("BCELoss(weight=Tensor[2])");
    }
}
