package dev.nabla.tests.simd;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.Backends;

/** Prints the default device and runs one op on it: what a JVM without the Vector API module does. */
public final class DeviceProbe {
    private DeviceProbe() {
    }

    public static void main(String[] args) {
        System.out.println("default " + Backends.defaultDevice());
        System.out.println("sum " + Tensor.of(1, 2, 3).sum().item());
    }
}
