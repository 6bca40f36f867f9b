package dev.nabla.tests.simd;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;

/**
 * Prints a fingerprint of the exact bits of results that run in parallel on the simd device:
 * large sums, column sums, products, transcendental maps, softmax and their gradients. The same
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
        Tensor[] results = {big.sum(), wide.sum(0, false), wide.sum(1, false), big.exp(), a.grad(), b.grad(), loss,
            wide.to(DType.F64).mT().matmul(wide.to(DType.F64)).sum(0, false)};
        long hash = 17;
        for (Tensor t : results) {
            hash = 31 * hash + Arrays.hashCode(t.toDoubleArray());
        }
        System.out.println(Long.toHexString(hash));
    }
}
