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
 * full-batch gradient descent on the reference backend, separates the two moons.
 */
class TwoMoonsEndToEndTest {
    private static final Device DEVICE = Device.REFERENCE;

    @Test
    void twoLayerNetworkLearnsTheMoonsWithPlainGradientDescent() {
        Rng rng = new Rng(42);
        TwoMoons data = TwoMoons.generate(300, 0.1, rng.split(), DType.F32, DEVICE);
        int hidden = 24;
        Tensor w1 = Tensor.randn(rng, Shape.of(2, hidden), DType.F32, DEVICE).requiresGrad(true);
        Tensor b1 = Tensor.zeros(Shape.of(hidden), DType.F32, DEVICE).requiresGrad(true);
        Tensor w2 = Tensor.randn(rng, Shape.of(hidden, 1), DType.F32, DEVICE).div(Math.sqrt(hidden)).detach()
                .requiresGrad(true);
        Tensor b2 = Tensor.zeros(Shape.of(1), DType.F32, DEVICE).requiresGrad(true);
        List<Tensor> params = List.of(w1, b1, w2, b2);
        Tensor y = data.labels().unsqueeze(1);

        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        for (int step = 0; step < 800; step++) {
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
            lastLoss = loss.item();
            if (step == 0) {
                firstLoss = lastLoss;
            }
        }

        double accuracy;
        try (GradMode.Scope s = GradMode.disable()) {
            Tensor logits = data.features().matmul(w1).add(b1).relu().matmul(w2).add(b2);
            accuracy = logits.gt(0.0).eq(y).mean().item();
        }
        assertThat(lastLoss).isLessThan(firstLoss / 5);
        assertThat(accuracy).as("training accuracy").isGreaterThanOrEqualTo(0.98);
    }
}
