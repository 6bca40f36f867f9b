package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorPrintTest {
    @Test
    void printsValuesLikePyTorchWithShapeDtypeAndDevice() {
        Tensor t = Tensor.of(new double[][] {{0.1, -1.2}, {3, 4}});
        assertThat(t).hasToString("tensor([[ 0.1000, -1.2000],\n"
                + "        [ 3.0000,  4.0000]], shape=[2, 2], dtype=F32, device=" + t.device() + ")");
    }

    @Test
    void showsGradientState() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        assertThat(w.toString()).endsWith("requiresGrad=true)");
        assertThat(w.mul(2.0).toString()).endsWith("creator=Mul)");
    }

    @Test
    void abridgesLargeTensors() {
        String s = Tensor.arange(5000).toString();
        // Exactly what PyTorch prints for torch.arange(5000.), wrapped at 80 columns.
        assertThat(s).isEqualTo("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 4.9970e+03, 4.9980e+03,\n"
                + "        4.9990e+03], shape=[5000], dtype=F32, device=" + Tensor.scalar(0).device() + ")");
    }
}
