package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {
    private static final double[][] ROWS = {{1, 2, 3}, {1, 1, 1}, {0.5, -1, 2}};
    private static final Tensor LOGITS = TestTensors.of(new double[] {1, 2, 3, 1, 1, 1, 0.5, -1, 2}, 3, 3);
    private static final Tensor WEIGHT = TestTensors.vec(1, 2, 3);

    private static double logProb(int row, int cls) {
        return TestTensors.logSoftmax(ROWS[row])[cls];
    }

    @Test
    void isTheNegativeLogSoftmaxAtTheTargetClass() {
        Tensor target = TestTensors.vec(2, 0, 1);
        double[] expected = {-logProb(0, 2), -logProb(1, 0), -logProb(2, 1)};
        assertThat(Losses.crossEntropy(LOGITS, target, null, -100, Reduction.NONE, 0).toDoubleArray())
                .containsExactly(expected, within(1e-12));
        double sum = expected[0] + expected[1] + expected[2];
        assertThat(new CrossEntropyLoss().reduction(Reduction.SUM).apply(LOGITS, target).item())
                .isCloseTo(sum, within(1e-12));
        assertThat(Losses.crossEntropy(LOGITS, target).item()).isCloseTo(sum / 3, within(1e-12));
    }

    @Test
    void meanWithClassWeightsDividesByTheWeightOfTheTargets() {
        Tensor target = TestTensors.vec(2, 0, 2);
        double expected = (-3 * logProb(0, 2) - 1 * logProb(1, 0) - 3 * logProb(2, 2)) / (3 + 1 + 3);
        assertThat(new CrossEntropyLoss().weight(WEIGHT).apply(LOGITS, target).item())
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void ignoredTargetsAddNothingToTheSumNorToTheMeansDenominator() {
        Tensor target = TestTensors.vec(2, -100, 1);
        assertThat(Losses.crossEntropy(LOGITS, target, null, -100, Reduction.NONE, 0).toDoubleArray())
                .containsExactly(new double[] {-logProb(0, 2), 0, -logProb(2, 1)}, within(1e-12));
        assertThat(Losses.crossEntropy(LOGITS, target, WEIGHT, -100, Reduction.MEAN, 0).item())
                .isCloseTo((-3 * logProb(0, 2) - 2 * logProb(2, 1)) / 5, within(1e-12));
        Tensor inRange = TestTensors.vec(2, 0, 1);
        assertThat(Losses.crossEntropy(LOGITS, inRange, null, 0, Reduction.MEAN, 0).item())
                .isCloseTo((-logProb(0, 2) - logProb(2, 1)) / 2, within(1e-12));
    }

    @Test
    void theMeanIsNaNWhenEveryTargetIsIgnored() {
        Tensor target = TestTensors.vec(-100, -100, -100);
        assertThat(Losses.crossEntropy(LOGITS, target).item()).isNaN();
        assertThat(Losses.crossEntropy(LOGITS, target, null, -100, Reduction.SUM, 0).item()).isZero();
    }

    @Test
    void labelSmoothingMixesInTheUniformTermWithPyTorchsWeightedNormalisation() {
        double s = 0.1;
        Tensor target = TestTensors.vec(2, -100, 1);
        double[] w = {1, 2, 3};
        double nll = 0;
        double uniform = 0;
        double total = 0;
        int[] kept = {0, 2};
        int[] cls = {2, 1};
        for (int k = 0; k < 2; k++) {
            nll -= w[cls[k]] * logProb(kept[k], cls[k]);
            for (int c = 0; c < 3; c++) {
                uniform -= w[c] * logProb(kept[k], c);
            }
            total += w[cls[k]];
        }
        double expected = (1 - s) * nll / total + s / 3 * uniform / total;
        Tensor loss = new CrossEntropyLoss().weight(WEIGHT).labelSmoothing(s).apply(LOGITS, target);
        assertThat(loss.item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void probabilityTargetsTakeTheExpectedNegativeLogLikelihood() {
        double[] p = {0.2, 0.3, 0.5, 1, 0, 0, 0, 0.5, 0.5};
        Tensor target = TestTensors.of(p, 3, 3);
        double[] perRow = new double[3];
        double[] weighted = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                perRow[r] -= p[3 * r + c] * logProb(r, c);
                weighted[r] -= (c + 1) * p[3 * r + c] * logProb(r, c);
            }
        }
        assertThat(Losses.crossEntropy(LOGITS, target, null, -100, Reduction.NONE, 0).toDoubleArray())
                .containsExactly(perRow, within(1e-12));
        assertThat(new CrossEntropyLoss().weight(WEIGHT).apply(LOGITS, target).item())
                .isCloseTo((weighted[0] + weighted[1] + weighted[2]) / 3, within(1e-12));
        Tensor oneHot = TestTensors.of(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, 3, 3);
        assertThat(Losses.crossEntropy(LOGITS, oneHot).item())
                .isCloseTo(Losses.crossEntropy(LOGITS, TestTensors.vec(2, 0, 1)).item(), within(1e-12));
    }

    @Test
    void labelSmoothingOfProbabilitiesSmoothsTheTargetDistribution() {
        Tensor p = TestTensors.of(new double[] {0.2, 0.3, 0.5, 1, 0, 0, 0, 0.5, 0.5}, 3, 3);
        Tensor smoothed = p.mul(0.7).add(0.1);
        assertThat(new CrossEntropyLoss().labelSmoothing(0.3).apply(LOGITS, p).item())
                .isCloseTo(Losses.crossEntropy(LOGITS, smoothed).item(), within(1e-12));
    }

    @Test
    void anUnbatchedInputGivesTheLossOfItsOneRow() {
        Tensor row = LOGITS.slice(0, 0, 1).reshape(3);
        Tensor loss = new CrossEntropyLoss().reduction(Reduction.NONE).apply(row, TestTensors.scalar(2));
        assertThat(loss.shape()).isEqualTo(Shape.scalar());
        assertThat(loss.item()).isCloseTo(-logProb(0, 2), within(1e-12));
        assertThat(Losses.crossEntropy(row, TestTensors.vec(0.2, 0.3, 0.5)).item())
                .isCloseTo(-(0.2 * logProb(0, 0) + 0.3 * logProb(0, 1) + 0.5 * logProb(0, 2)), within(1e-12));
    }

    @Test
    void spatialInputsAreScoredAtEveryPosition() {
        Tensor x = TestTensors.randn(3, 2, 4, 3, 5);
        Tensor target = TestTensors.of(floor(TestTensors.uniform(4, 0, 4, 2, 3, 5).toDoubleArray()), 2, 3, 5);
        CrossEntropyLoss loss = new CrossEntropyLoss().weight(TestTensors.vec(1, 0.5, 2, 1)).labelSmoothing(0.2);
        Tensor rows = x.permute(0, 2, 3, 1).reshape(-1, 4);
        assertThat(loss.apply(x, target).item()).isCloseTo(loss.apply(rows, target.reshape(-1)).item(), within(1e-12));
        Tensor perPosition = loss.reduction(Reduction.NONE).apply(x, target);
        assertThat(perPosition.shape()).isEqualTo(Shape.of(2, 3, 5));
    }

    private static double[] floor(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.floor(out[i]);
        }
        return out;
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor x = TestTensors.randn(5, 4, 3, 2);
        Tensor target = TestTensors.of(new double[] {0, 2, -1, 1, 2, 2, 1, 0}, 4, 2);
        Tensor probabilities = TestTensors.uniform(6, 0, 1, 4, 3, 2).softmax(1);
        for (Reduction r : Reduction.values()) {
            CrossEntropyLoss loss = new CrossEntropyLoss(TestTensors.vec(0.5, 1, 2), -1, r, 0.25);
            GradCheck.verify(in -> loss.apply(in.get(0), target), List.of(x));
            GradCheck.verify(in -> loss.ignoreIndex(-100).apply(in.get(0), probabilities), List.of(x));
        }
    }

    @Test
    void nanInTheScoresPropagatesAsInPyTorch() {
        Tensor x = TestTensors.of(new double[] {1, Double.NaN, 0, 1, 2, 3}, 2, 3);
        assertThat(Losses.crossEntropy(x, TestTensors.vec(0, 1)).item()).isNaN();
        assertThat(Losses.crossEntropy(x, TestTensors.vec(-100, 1)).item()).isCloseTo(-logProb(0, 1), within(1e-12));
    }

    @Test
    void aTargetThatFitsNeitherFormIsAnErrorNamingBothShapes() {
        assertThatThrownBy(() -> Losses.crossEntropy(LOGITS, TestTensors.vec(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy: target [2] does not fit input [3, 3]; expected class indices of shape [3]"
                        + " or class probabilities of shape [3, 3]");
        assertThatThrownBy(() -> Losses.crossEntropy(TestTensors.scalar(1), TestTensors.scalar(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("crossEntropy: input of shape [] has no class axis");
    }

    @Test
    void aWeightOfAnotherLengthIsAnError() {
        assertThatThrownBy(() -> new CrossEntropyLoss().weight(TestTensors.vec(1, 2)).apply(LOGITS, TestTensors.vec(0, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy: weight of shape [2] must hold one value per class, shape [3], for input"
                        + " [3, 3] with 3 classes on axis 1");
        assertThatThrownBy(() -> new CrossEntropyLoss().weight(LOGITS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CrossEntropyLoss: weight must be 1-D, one value per class, got shape [3, 3]");
    }

    @Test
    void classIndicesMustBeWholeNumbersInRange() {
        assertThatThrownBy(() -> Losses.crossEntropy(LOGITS, TestTensors.vec(0, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy: target value 3 at flat position 1 is out of range for 3 classes (input"
                        + " [3, 3], target [3]); class indices lie in [0, 3) or equal ignoreIndex=-100");
        assertThatThrownBy(() -> Losses.crossEntropy(LOGITS, TestTensors.vec(0, 1, -1)))
                .hasMessageContaining("target value -1 at flat position 2 is out of range");
        assertThatThrownBy(() -> Losses.crossEntropy(LOGITS, TestTensors.vec(0, 1.5, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy: target value 1.5 at flat position 1 is not a whole number; class-index"
                        + " targets hold class numbers in [0, 3) (input [3, 3], target [3])");
        assertThatThrownBy(() -> Losses.crossEntropy(LOGITS, TestTensors.vec(Double.NaN, 1, 1)))
                .hasMessageContaining("target value NaN at flat position 0 is not a whole number");
    }

    @Test
    void probabilityTargetsRejectAnIgnoreIndex() {
        Tensor p = LOGITS.softmax(1);
        assertThatThrownBy(() -> new CrossEntropyLoss().ignoreIndex(0).apply(LOGITS, p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy: ignoreIndex=0 cannot apply to a target of class probabilities (target"
                        + " [3, 3] has the input's shape); leave it negative");
    }

    @Test
    void labelSmoothingMustLieInTheUnitInterval() {
        assertThatThrownBy(() -> new CrossEntropyLoss().labelSmoothing(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CrossEntropyLoss: labelSmoothing must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new CrossEntropyLoss().labelSmoothing(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAsPyTorchWithTheSettingsThatDifferFromItsDefaults() {
        assertThat(new CrossEntropyLoss()).hasToString("CrossEntropyLoss()");
        assertThat(new CrossEntropyLoss(WEIGHT, 0, Reduction.SUM, 0.1))
                .hasToString("CrossEntropyLoss(weight=Tensor[3], ignoreIndex=0, reduction=SUM, labelSmoothing=0.1)");
    }
}
