package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.TwoMoons;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end proof: a two-layer network written with raw tensors, trained by plain
 * full-batch gradient descent on the reference backend, separates the two moons. The training
 * loop is shared with {@link OpenClTrainingTest}, which runs it on OpenCL devices.
 */
class TwoMoonsEndToEndTest {

    @Test
    void twoLayerNetworkLearnsTheMoonsWithPlainGradientDescent() {
        Run run = train(Device.REFERENCE, 800);
        assertThat(run.losses()[799]).isLessThan(run.losses()[0] / 5);
        assertThat(run.accuracy()).as("training accuracy").isGreaterThanOrEqualTo(0.98);
    }

    /**
     * The outcome of a training run.
     *
     * @param losses   the loss before each step
     * @param accuracy the training accuracy after the last step
     */
    record Run(double[] losses, double accuracy) {
    }

    /** Trains the network on {@code device} for {@code steps} full-batch steps from seed 42. */
    static Run train(Device device, int steps) {
        Rng rng = new Rng(42);
        TwoMoons data = TwoMoons.generate(300, 0.1, rng.split(), DType.F32, device);
        int hidden = 24;
        Tensor w1 = Tensor.randn(rng, Shape.of(2, hidden), DType.F32, device).requiresGrad(true);
        Tensor b1 = Tensor.zeros(Shape.of(hidden), DType.F32, device).requiresGrad(true);
        Tensor w2 = Tensor.randn(rng, Shape.of(hidden, 1), DType.F32, device).div(Math.sqrt(hidden)).detach()
                .requiresGrad(true);
        Tensor b2 = Tensor.zeros(Shape.of(1), DType.F32, device).requiresGrad(true);
        List<Tensor> params = List.of(w1, b1, w2, b2);
        Tensor y = data.labels().unsqueeze(1);

        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            // Binary cross-entropy on a sigmoid output, written out from the primitives.
            Tensor p = data.features().matmul(w1).add(b1).relu().matmul(w2).add(b2).sigmoid().clamp(1e-7, 1 - 1e-7);
            Tensor loss = y.mul(p.log()).add(y.neg().add(1.0).mul(p.neg().add(1.0).log())).mean().neg();
            params.forEach(Tensor::zeroGrad);
            loss.backward();
            try (GradMode.Scope s = GradMode.disable()) {
                for (Tensor w : params) {
                    w.copyFrom(w.sub(w.grad().mul(0.5)));
                }
            }
            losses[step] = loss.item();
        }

        try (GradMode.Scope s = GradMode.disable()) {
            Tensor logits = data.features().matmul(w1).add(b1).relu().matmul(w2).add(b2);
            return new Run(losses, logits.gt(0.0).eq(y).mean().item());
        }
    }
}
