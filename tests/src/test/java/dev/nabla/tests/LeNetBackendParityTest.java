package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Size2;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 on a batch of 28x28 images, forward and backward, on the SIMD and reference backends:
 * the same seed gives the same weights and inputs on both, so the outputs, the loss and every
 * gradient must agree within F32 rounding.
 */
class LeNetBackendParityTest {
    private static final int BATCH = 8;

    private static Sequential leNet(Device device) {
        Rng rng = new Rng(5);
        DType f32 = DType.F32;
        return new Sequential(
                new Conv2d(1, 6, Size2.of(5), ConvOptions.DEFAULT.padding(2), true, rng,
                        f32, device),
                Activation.relu(), new MaxPool2d(2),
                new Conv2d(6, 16, Size2.of(5), ConvOptions.DEFAULT, true, rng, f32, device),
                Activation.relu(), new MaxPool2d(2),
                new Flatten(),
                new Linear(400, 120, true, rng, f32, device), Activation.tanh(),
                new Linear(120, 84, true, rng, f32, device), Activation.tanh(),
                new Linear(84, 10, true, rng, f32, device));
    }

    /** The logits, the loss, the input gradient and every parameter gradient, in that order. */
    private static List<double[]> run(Device device) {
        Sequential net = leNet(device);
        Rng data = new Rng(6);
        Tensor images = Tensor.rand(data, Shape.of(BATCH, 1, 28, 28), DType.F32, device).requiresGrad(true);
        Tensor labels = Tensor.randperm(data, 10, DType.F32, device).slice(0, 0, BATCH).unsqueeze(1);
        Tensor logits = net.call(images);
        assertThat(logits.shape()).isEqualTo(Shape.of(BATCH, 10));
        Tensor loss = logits.logSoftmax(1).gather(1, labels).mean().neg();
        loss.backward();
        List<double[]> results = new ArrayList<>(List.of(logits.toDoubleArray(), new double[] {loss.item()},
                images.grad().toDoubleArray()));
        for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
            results.add(p.getValue().grad().toDoubleArray());
        }
        return results;
    }

    @Test
    void forwardAndBackwardAgreeBetweenSimdAndReference() {
        List<double[]> simd = run(Device.SIMD);
        List<double[]> reference = run(Device.REFERENCE);
        assertThat(simd).hasSameSizeAs(reference).hasSize(3 + 10);
        for (int i = 0; i < simd.size(); i++) {
            double[] a = simd.get(i);
            double[] b = reference.get(i);
            double scale = 0;
            for (double v : b) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(scale).as("result %d is not all zero", i).isPositive();
            for (int j = 0; j < a.length; j++) {
                assertThat(Math.abs(a[j] - b[j])).as("result %d, element %d: simd %s, reference %s", i, j, a[j], b[j])
                        .isLessThanOrEqualTo(1e-5 * scale + 1e-4 * Math.abs(b[j]));
            }
        }
    }
}
