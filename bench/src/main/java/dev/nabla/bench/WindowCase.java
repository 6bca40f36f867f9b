package dev.nabla.bench;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tensor.spi.Window2d;

/**
 * The convolution and pooling shapes of the window benchmarks: LeNet-5 at batch 64 (conv1 1->6
 * 5x5 padding 2 on 28x28, pool 2x2 on 6x28x28, conv2 6->16 5x5 on 14x14, pool on 16x10x10) and a
 * 3x3 convolution 32->64 with padding 1 on 28x28 at batch 32. F32 on the SIMD backend, as
 * {@link Strided} operands, so the kernels are timed without the autodiff layer.
 *
 * @param input  {@code [N, C, H, W]}
 * @param out    output channels of a convolution (0 for pooling)
 * @param window kernel, stride and padding
 */
record WindowCase(Shape input, int out, Window2d window) {
    /** The backend the benchmarks run on. */
    static final Backend SIMD = Backends.of(Device.SIMD);

    /** The case of a benchmark's {@code shape} parameter. */
    static WindowCase of(String name) {
        return switch (name) {
            case "lenet.conv1" -> conv(64, 1, 28, 6, 5, 2);
            case "lenet.conv2" -> conv(64, 6, 14, 16, 5, 0);
            case "conv3x3" -> conv(32, 32, 28, 64, 3, 1);
            case "lenet.pool1" -> pool(64, 6, 28);
            case "lenet.pool2" -> pool(64, 16, 10);
            default -> throw new IllegalArgumentException("window benchmark: unknown shape '" + name
                    + "', expected lenet.conv1, lenet.conv2, conv3x3, lenet.pool1 or lenet.pool2");
        };
    }

    private static WindowCase conv(int n, int c, int hw, int out, int k, int pad) {
        return new WindowCase(Shape.of(n, c, hw, hw), out, new Window2d(k, k, 1, 1, pad, pad, 1, 1));
    }

    private static WindowCase pool(int n, int c, int hw) {
        return new WindowCase(Shape.of(n, c, hw, hw), 0, new Window2d(2, 2, 2, 2, 0, 0, 1, 1));
    }

    int outH() {
        return Window2d.outputSize(input.dim(2), window.kernelH(), window.strideH(), window.padH(), 1, false);
    }

    int outW() {
        return Window2d.outputSize(input.dim(3), window.kernelW(), window.strideW(), window.padW(), 1, false);
    }

    /** {@code C * KH * KW}, the inner dimension of the convolution's matrix product. */
    int patch() {
        return input.dim(1) * window.taps();
    }

    /** {@code [N, C, KH, KW, OH, OW]}. */
    Shape cols() {
        return Shape.of(input.dim(0), input.dim(1), window.kernelH(), window.kernelW(), outH(), outW());
    }

    /** {@code [N, C, OH, OW]}. */
    Shape pooled() {
        return Shape.of(input.dim(0), input.dim(1), outH(), outW());
    }

    /** A contiguous operand of normal samples. */
    static Strided randn(long seed, Shape shape) {
        float[] values = new float[shape.numel()];
        new Rng(seed).fillNormal(values, 0, 1);
        Strided s = zeros(shape);
        SIMD.write(s.buffer(), values);
        return s;
    }

    /** A contiguous zero operand. */
    static Strided zeros(Shape shape) {
        return new Strided(SIMD.allocate(DType.F32, shape.numel()), View.contiguous(shape));
    }
}
