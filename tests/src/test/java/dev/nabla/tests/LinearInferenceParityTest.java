package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.optim.SGD;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import org.junit.jupiter.api.Test;

/**
 * On the default backend (simd here), a dense layer without gradients multiplies by its kept
 * transpose of the weight instead of the transposed view: the same bits at training sizes, and a
 * new transpose after each optimizer step.
 */
class LinearInferenceParityTest {

    @Test
    void inferenceGivesTheBitsOfTheTrainingProductBeforeAndAfterSteps() {
        Rng rng = new Rng(11);
        for (int batch : new int[] {1, 7, 256}) {
            Linear layer = new Linear(784, 256, true, rng, DType.F32, Backends.defaultDevice());
            Tensor x = Tensor.randn(rng, Shape.of(batch, 784), DType.F32, Backends.defaultDevice());
            SGD opt = new SGD(layer.parameters(), SGD.Options.lr(0.1).withMomentum(0.9));
            for (int step = 0; step < 3; step++) {
                Tensor y = layer.call(x);
                double[] training = y.toDoubleArray();
                try (GradMode.Scope s = GradMode.disable()) {
                    assertThat(layer.call(x).toDoubleArray()).as("batch %d, step %d", batch, step)
                            .containsExactly(training);
                }
                opt.zeroGrad();
                y.mul(y).sum().backward();
                opt.step();
            }
        }
    }
}
