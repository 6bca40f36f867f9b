package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Training end to end on an OpenCL device gives the losses the CPU backends give, step by step,
 * from the same seed: the two-moons network and a deeper MLP on synthetic blobs. Only float
 * rounding (summation order) may differ. Skipped with a message without an OpenCL device, unless
 * {@code NABLA_REQUIRE_OPENCL=1}.
 */
class OpenClTrainingTest {
    private static final Device CL = Device.opencl(0);

    /** Checked per test, so each one is reported as skipped, with the reason, where there is no device. */
    @BeforeEach
    void requireOpenCl() {
        if (!Backends.available().contains(CL)) {
            String why = Backends.describe().stream().filter(l -> l.startsWith("opencl:")).findFirst()
                    .orElse("no OpenCL provider on the class path");
            if ("1".equals(System.getenv("NABLA_REQUIRE_OPENCL"))) {
                Assertions.fail("NABLA_REQUIRE_OPENCL=1 but there is no OpenCL device: " + why);
            }
            Assumptions.abort("no OpenCL device, OpenCL training skipped: " + why);
        }
    }

    @Test
    void twoMoonsTrainsToTheSameLossesAsOnTheReferenceBackend() {
        TwoMoonsEndToEndTest.Run cpu = TwoMoonsEndToEndTest.train(Device.REFERENCE, 800);
        TwoMoonsEndToEndTest.Run gpu = TwoMoonsEndToEndTest.train(CL, 800);
        assertSameLosses(gpu.losses(), cpu.losses());
        assertThat(gpu.accuracy()).isEqualTo(cpu.accuracy());
    }

    @Test
    void mlpOnBlobsTrainsToTheSameLossesAsOnTheSimdBackend() {
        Device cpu = Backends.available().contains(Device.SIMD) ? Device.SIMD : Device.REFERENCE;
        double[] want = mlp(cpu, 150);
        double[] got = mlp(CL, 150);
        assertSameLosses(got, want);
        assertThat(got[149]).isLessThan(got[0] / 4);
    }

    private static void assertSameLosses(double[] got, double[] want) {
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("loss at step %d", i).isCloseTo(want[i],
                    org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(want[i]))));
        }
    }

    /**
     * A 16-64-32-4 MLP (tanh, relu) with softmax cross-entropy on four Gaussian blobs, 512 points,
     * full-batch gradient descent; returns the loss before each step.
     */
    static double[] mlp(Device device, int steps) {
        Rng rng = new Rng(7);
        int n = 512;
        int dim = 16;
        int classes = 4;
        Tensor centers = Tensor.randn(rng, Shape.of(classes, dim), DType.F32, device).mul(2.0);
        double[] classOf = new double[n];
        for (int i = 0; i < n; i++) {
            classOf[i] = i % classes;
        }
        Tensor labels = Tensor.fromArray(classOf, Shape.of(n), DType.F32, device);
        Tensor x = centers.indexSelect(0, labels).add(Tensor.randn(rng, Shape.of(n, dim), DType.F32, device));
        List<Tensor> params = new ArrayList<>();
        int[] widths = {dim, 64, 32, classes};
        for (int l = 0; l + 1 < widths.length; l++) {
            params.add(Tensor.randn(rng, Shape.of(widths[l], widths[l + 1]), DType.F32, device)
                    .div(Math.sqrt(widths[l])).detach().requiresGrad(true));
            params.add(Tensor.zeros(Shape.of(widths[l + 1]), DType.F32, device).requiresGrad(true));
        }
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            Tensor h = x.matmul(params.get(0)).add(params.get(1)).tanh();
            h = h.matmul(params.get(2)).add(params.get(3)).relu();
            Tensor logits = h.matmul(params.get(4)).add(params.get(5));
            Tensor loss = logits.logSoftmax(1).gather(1, labels.unsqueeze(1)).mean().neg();
            params.forEach(Tensor::zeroGrad);
            loss.backward();
            try (GradMode.Scope s = GradMode.disable()) {
                for (Tensor p : params) {
                    p.copyFrom(p.sub(p.grad().mul(0.2)));
                }
            }
            losses[step] = loss.item();
        }
        return losses;
    }
}
