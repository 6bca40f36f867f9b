package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/** Operands and settings shared by the JMH benchmarks. */
final class Operands {
    /** JVM flags of every fork: the SIMD backend needs the Vector API module. */
    static final String ADD_VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private Operands() {
    }

    /** A fresh F32 tensor of normal samples, the same for the same seed on every device. */
    static Tensor randn(String device, long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F32, Device.parse(device));
    }
}
