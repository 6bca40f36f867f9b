package dev.nabla.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import org.junit.jupiter.api.Test;

class LossInTrainingLoopTest {
    /** A few steps of gradient descent on a linear classifier through the {@link Loss} interface. */
    private static double[] train(Loss criterion, Tensor x, Tensor target, int classes) {
        Linear model = new Linear(x.dim(1), classes, true, new Rng(7), DType.F32, Device.REFERENCE);
        double[] losses = new double[20];
        for (int step = 0; step < losses.length; step++) {
            model.zeroGrad();
            Tensor loss = criterion.apply(model.call(x), target);
            loss.backward();
            losses[step] = loss.item();
            try (GradMode.Scope s = GradMode.disable()) {
                for (Tensor p : model.parameters()) {
                    p.copyFrom(p.sub(p.grad().mul(0.5)));
                }
            }
        }
        return losses;
    }

    @Test
    void crossEntropyAndBinaryLossesDriveALinearModelDown() {
        Tensor x = Tensor.randn(new Rng(1), Shape.of(32, 4), DType.F32, Device.REFERENCE);
        // Labels from a fixed linear rule, so a linear model can fit them.
        Tensor scores = x.matmul(Tensor.randn(new Rng(2), Shape.of(4, 3), DType.F32, Device.REFERENCE));
        Tensor labels = scores.argmax(1, false);
        double[] ce = train(new CrossEntropyLoss().labelSmoothing(0.05), x, labels, 3);
        assertThat(ce[ce.length - 1]).isLessThan(0.6 * ce[0]);
        Tensor oneHot = scores.eq(scores.max(1, true));
        double[] bce = train(new BceWithLogitsLoss(), x, oneHot, 3);
        assertThat(bce[bce.length - 1]).isLessThan(0.8 * bce[0]);
    }
}
