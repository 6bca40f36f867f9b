package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BceWithLogitsLossTest {
    @Test
    void equalsBinaryCrossEntropyOfTheSigmoid() {
        Tensor x = TestTensors.randn(1, 3, 4);
        Tensor y = TestTensors.uniform(2, 0, 1, 3, 4);
        Tensor w = TestTensors.uniform(3, 0.5, 2, 3, 1);
        for (Reduction r : Reduction.values()) {
            assertThat(new BceWithLogitsLoss().weight(w).reduction(r).apply(x, y).toDoubleArray())
                    .containsExactly(new BceLoss(w, r).apply(x.sigmoid(), y).toDoubleArray(), within(1e-12));
        }
    }

    @Test
    void staysFiniteForLargeLogitsInF32AsPyTorchDoes() {
        Tensor x = TestTensors.vec(1000, -1000, 30, -30).to(DType.F32).requiresGrad(true);
        Tensor y = TestTensors.vec(0, 1, 1, 0).to(DType.F32);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(x, y, null, Reduction.NONE, null);
        // log(1 + exp(-30)) rounds to 0 in F32, as in PyTorch's formula (torch gives the same values).
        assertThat(loss.toDoubleArray()).containsExactly(1000, 1000, 0, 0);
        loss.sum().backward();
        // sigmoid(x) - y; F32 cancellation leaves errors near exp(-30), as PyTorch's do.
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {1, -1, 0, 0}, within(1e-13));
    }

    @Test
    void theGradientIsSigmoidMinusTargetScaledByThePositiveWeight() {
        Tensor x = TestTensors.vec(-2, 0.5, 3, 40).requiresGrad(true);
        Tensor y = TestTensors.vec(1, 0, 0.5, 1);
        Tensor posWeight = TestTensors.vec(3);
        new BceWithLogitsLoss().posWeight(posWeight).reduction(Reduction.SUM).apply(x, y).backward();
        double[] xs = {-2, 0.5, 3, 40};
        double[] ys = {1, 0, 0.5, 1};
        double[] grad = x.grad().toDoubleArray();
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-xs[i]));
            double t = 3 * ys[i];
            assertThat(grad[i]).isCloseTo((t + 1 - ys[i]) * s - t, within(1e-12));
        }
    }

    @Test
    void thePositiveWeightScalesOnlyThePositiveTerm() {
        Tensor x = TestTensors.vec(0.3, -1.2);
        Tensor y = TestTensors.vec(1, 1);
        double plain = Losses.binaryCrossEntropyWithLogits(x, y, null, Reduction.SUM, null).item();
        double weighted = Losses.binaryCrossEntropyWithLogits(x, y, null, Reduction.SUM, TestTensors.vec(2.5)).item();
        assertThat(weighted).isCloseTo(2.5 * plain, within(1e-12));
        Tensor negatives = TestTensors.vec(0, 0);
        assertThat(Losses.binaryCrossEntropyWithLogits(x, negatives, null, Reduction.SUM, TestTensors.vec(2.5)).item())
                .isCloseTo(Losses.binaryCrossEntropyWithLogits(x, negatives).item() * 2, within(1e-12));
    }

    @Test
    void gradientsPassGradCheck() {
        Tensor x = TestTensors.randn(4, 2, 3);
        Tensor y = TestTensors.uniform(5, 0, 1, 2, 3).requiresGrad(true);
        Tensor w = TestTensors.uniform(6, 0.5, 2, 2, 3);
        Tensor pw = TestTensors.uniform(7, 0.5, 3, 3);
        for (Reduction r : Reduction.values()) {
            BceWithLogitsLoss loss = new BceWithLogitsLoss(w, r, pw);
            GradCheck.verify(in -> loss.apply(in.get(0), in.get(1)), List.of(x, y));
        }
    }

    @Test
    void nanInTheLogitsPropagatesAsInPyTorch() {
        assertThat(Losses.binaryCrossEntropyWithLogits(TestTensors.vec(Double.NaN, 1), TestTensors.vec(1, 0)).item())
                .isNaN();
    }

    @Test
    void shapeAndWeightErrorsNameTheShapes() {
        Tensor x = TestTensors.randn(1, 2, 3);
        assertThatThrownBy(() -> Losses.binaryCrossEntropyWithLogits(x, TestTensors.randn(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("binaryCrossEntropyWithLogits: input [2, 3] and target [2] differ in shape");
        assertThatThrownBy(() -> Losses.binaryCrossEntropyWithLogits(x, x, null, Reduction.MEAN, TestTensors.vec(1, 2)))
                .hasMessageStartingWith("binaryCrossEntropyWithLogits: shapes [2] and [2, 3] do not broadcast");
    }

    @Test
    void printsAsPyTorch() {
        assertThat(new BceWithLogitsLoss()).hasToString("BCEWithLogitsLoss()");
        assertThat(new BceWithLogitsLoss().posWeight(TestTensors.vec(1, 2)).reduction(Reduction.NONE))
                .hasToString("BCEWithLogitsLoss(reduction=NONE, posWeight=Tensor[2])");
    }
}
