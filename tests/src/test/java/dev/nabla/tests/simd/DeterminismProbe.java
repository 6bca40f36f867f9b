package dev.nabla.tests.simd;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.ConvOptions;
import dev.nabla.autodiff.functional.Convolution;
import dev.nabla.autodiff.functional.Pooling;
import dev.nabla.autodiff.ops.BatchNormalize;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;

/**
 * Prints a fingerprint of the exact bits of results that run in parallel on the simd device:
 * large sums, column sums, products, transcendental maps, softmax, a convolution with batch
 * normalization and max pooling, and their gradients. The same
 * fingerprint for every {@code -Dnabla.threads} value proves the work split is fixed.
 */
public final class DeterminismProbe {
    private DeterminismProbe() {
    }

    public static void main(String[] args) {
        Rng rng = new Rng(11);
        Tensor big = Tensor.randn(rng, Shape.of(1 << 20), DType.F32, Device.SIMD);
        Tensor wide = Tensor.randn(rng, Shape.of(3000, 500), DType.F32, Device.SIMD);
        Tensor a = Tensor.randn(rng, Shape.of(300, 400), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor b = Tensor.randn(rng, Shape.of(400, 500), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor loss = a.matmul(b).tanh().softmax(1).mul(wide.slice(0, 0, 300)).sum();
        loss.backward();
        Tensor image = Tensor.randn(rng, Shape.of(24, 3, 20, 20), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor filters = Tensor.randn(rng, Shape.of(8, 3, 3, 3), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor bias = Tensor.randn(rng, Shape.of(8), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor gamma = Tensor.randn(rng, Shape.of(8), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor beta = Tensor.randn(rng, Shape.of(8), DType.F32, Device.SIMD).requiresGrad(true);
        Tensor maps = Convolution.conv2d(image, filters, bias, ConvOptions.DEFAULT.padding(1));
        Tensor normalized = BatchNormalize.apply(maps, gamma, beta, 1e-5).out().relu();
        Tensor convLoss = Pooling.maxPool2d(normalized, 2).mul(Tensor.randn(rng, Shape.of(24, 8, 10, 10), DType.F32,
                Device.SIMD)).sum();
        convLoss.backward();
        Tensor[] results = {big.sum(), wide.sum(0, false), wide.sum(1, false), big.exp(), a.grad(), b.grad(), loss,
            wide.to(DType.F64).mT().matmul(wide.to(DType.F64)).sum(0, false), convLoss, image.grad(), filters.grad(),
            bias.grad(), gamma.grad(), beta.grad()};
        long hash = 17;
        for (Tensor t : results) {
            hash = 31 * hash + Arrays.hashCode(t.toDoubleArray());
        }
        System.out.println(Long.toHexString(hash));
    }
}
