package dev.nabla.nn.loss;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;

/** Small F64 tensors on the reference backend, for loss tests. */
final class TestTensors {
    private TestTensors() {
    }

    /** {@code values} (row-major) in shape {@code dims}. */
    static Tensor of(double[] values, int... dims) {
        return Tensor.fromArray(values, Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    /** A 1-D tensor. */
    static Tensor vec(double... values) {
        return of(values, values.length);
    }

    /** A rank-0 tensor. */
    static Tensor scalar(double value) {
        return Tensor.scalar(value, DType.F64, Device.REFERENCE);
    }

    /** Standard normal values, requiring grad. */
    static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE).requiresGrad(true);
    }

    /** Uniform values in [lo, hi). */
    static Tensor uniform(long seed, double lo, double hi, int... dims) {
        return Tensor.rand(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE).mul(hi - lo).add(lo);
    }

    /** {@code log(softmax(row))}, computed directly on the host. */
    static double[] logSoftmax(double... row) {
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v);
        }
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] - Math.log(sum);
        }
        return out;
    }
}
