package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.View;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Backends;

/** Factories behind {@code Tensor.zeros}, {@code Tensor.arange}, {@code Tensor.randn} and friends. */
public final class Creation {
    private Creation() {
    }

    /** {@code value} everywhere. */
    public static Tensor full(double value, Shape shape, DType dtype, Device device) {
        return full(value, shape, dtype, Backends.of(device));
    }

    /** {@code value} everywhere, on {@code backend}. */
    public static Tensor full(double value, Shape shape, DType dtype, Backend backend) {
        Tensor t = Kernels.empty(shape, dtype, backend);
        if (value != 0 || Double.doubleToRawLongBits(value) != 0) {
            backend.fill(t.strided(), value);
        }
        return t;
    }

    public static Tensor arange(double start, double end, double step, DType dtype, Device device) {
        if (step == 0 || Double.isNaN(step) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: need finite start and end and a non-zero step, got start="
                    + start + " end=" + end + " step=" + step);
        }
        double count = Math.ceil((end - start) / step);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange: " + count + " elements is too many");
        }
        int n = (int) Math.max(0, count);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = start + i * step;
        }
        return fromDoubles(values, Shape.of(n), dtype, device);
    }

    public static Tensor eye(int n, DType dtype, Device device) {
        Tensor t = full(0, Shape.of(n, n), dtype, device);
        // The diagonal of a row-major [n, n] buffer is every (n+1)-th element: one strided fill.
        t.backend().fill(t.strided().with(View.of(Shape.of(n), new int[] {n + 1}, 0)), 1);
        return t;
    }

    public static Tensor rand(Rng rng, Shape shape, DType dtype, Device device) {
        return random(shape, dtype, device, (f, d) -> {
            if (f != null) {
                rng.fillUniform(f, 0, 1);
            } else {
                rng.fillUniform(d, 0, 1);
            }
        });
    }

    public static Tensor randn(Rng rng, Shape shape, DType dtype, Device device) {
        return random(shape, dtype, device, (f, d) -> {
            if (f != null) {
                rng.fillNormal(f, 0, 1);
            } else {
                rng.fillNormal(d, 0, 1);
            }
        });
    }

    public static Tensor bernoulli(Rng rng, double p, Shape shape, DType dtype, Device device) {
        return random(shape, dtype, device, (f, d) -> {
            if (f != null) {
                rng.fillBernoulli(f, p);
            } else {
                rng.fillBernoulli(d, p);
            }
        });
    }

    public static Tensor randperm(Rng rng, int n, DType dtype, Device device) {
        if (n > dtype.maxExactInteger()) {
            throw new IllegalArgumentException("randperm: " + n + " values exceed what " + dtype
                    + " holds exactly; use DType.F64");
        }
        int[] perm = rng.permutation(n);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = perm[i];
        }
        return fromDoubles(values, Shape.of(n), dtype, device);
    }

    /** Fills either a float[] (F32) or a double[] (F64); the other argument is null. */
    private interface Filler {
        void fill(float[] f, double[] d);
    }

    /** Generates on the host in the tensor's own precision, so every backend sees the same bits. */
    private static Tensor random(Shape shape, DType dtype, Device device, Filler filler) {
        if (dtype == DType.F32) {
            float[] values = new float[shape.numel()];
            filler.fill(values, null);
            return fromFloats(values, shape, device);
        }
        double[] values = new double[shape.numel()];
        filler.fill(null, values);
        return fromDoubles(values, shape, dtype, device);
    }

    public static Tensor fromFloats(float[] data, Shape shape, Device device) {
        checkLength(data.length, shape);
        Backend backend = Backends.of(device);
        Buffer buffer = backend.allocate(DType.F32, data.length);
        backend.write(buffer, data);
        return Tensor.wrap(backend, buffer, View.contiguous(shape));
    }

    public static Tensor fromDoubles(double[] data, Shape shape, DType dtype, Device device) {
        checkLength(data.length, shape);
        Backend backend = Backends.of(device);
        Buffer buffer = backend.allocate(dtype, data.length);
        backend.write(buffer, data);
        return Tensor.wrap(backend, buffer, View.contiguous(shape));
    }

    public static Tensor fromRows(double[][] rows, DType dtype, Device device) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("of: row " + r + " has " + rows[r].length + " values, row 0 has "
                        + cols + "; all rows must have the same length");
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return fromDoubles(flat, Shape.of(rows.length, cols), dtype, device);
    }

    private static void checkLength(int length, Shape shape) {
        if (length != shape.numel()) {
            throw new IllegalArgumentException("fromArray: " + length + " values cannot fill shape " + shape
                    + ", which holds " + shape.numel());
        }
    }
}
