package dev.nabla.simd;

import dev.nabla.simd.conv.Convolutions;
import dev.nabla.simd.gemm.Epilogue;
import dev.nabla.simd.gemm.Gemm;
import dev.nabla.simd.norm.BatchNorm;
import dev.nabla.simd.window.AvgPool2d;
import dev.nabla.simd.window.Col2im;
import dev.nabla.simd.window.Im2col;
import dev.nabla.simd.window.MaxPool2d;
import dev.nabla.simd.window.MaxPoolBackward;
import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.reference.ReferenceBackend;
import dev.nabla.tensor.spi.AdagradStep;
import dev.nabla.tensor.spi.AdamStep;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.RmspropStep;
import dev.nabla.tensor.spi.SgdStep;
import dev.nabla.tensor.spi.UnaryOp;
import dev.nabla.tensor.spi.Window2d;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The multicore SIMD backend. Memory is the same host arrays as the reference backend's.
 * Operands are walked as rows ({@link Rows}): contiguous and broadcast inner runs go straight to
 * the vector kernels, other strides are packed into per-thread scratch first. What this backend
 * does not compute itself it hands to the reference backend through {@link #fallback}, which
 * counts every such call by primitive so that tests and benchmarks can see it.
 */
public final class SimdBackend implements Backend {
    /** The one instance: it holds only counters. */
    public static final SimdBackend INSTANCE = new SimdBackend();

    private static final Backend REFERENCE = ReferenceBackend.INSTANCE;
    private final Map<String, LongAdder> fallbacks = new ConcurrentHashMap<>();

    private SimdBackend() {
    }

    @Override
    public Device device() {
        return Device.SIMD;
    }

    /** How many calls of each primitive were handed to the reference backend so far. */
    public Map<String, Long> fallbackCounts() {
        Map<String, Long> out = new TreeMap<>();
        fallbacks.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The reference backend's loops, for a case this backend does not vectorize; counted. */
    private Backend fallback(String primitive) {
        fallbacks.computeIfAbsent(primitive, k -> new LongAdder()).increment();
        return REFERENCE;
    }

    // ---- memory ----

    @Override
    public Buffer allocate(DType dtype, int size) {
        return HostBuffer.allocate(dtype, size);
    }

    @Override
    public void write(Buffer dst, float[] src) {
        checkLength(dst, src.length);
        if (dst instanceof HostBuffer.F32 f) {
            System.arraycopy(src, 0, f.data(), 0, src.length);
        } else {
            double[] d = f64(dst);
            for (int i = 0; i < src.length; i++) {
                d[i] = src[i];
            }
        }
    }

    @Override
    public void write(Buffer dst, double[] src) {
        checkLength(dst, src.length);
        if (dst instanceof HostBuffer.F64 d) {
            System.arraycopy(src, 0, d.data(), 0, src.length);
        } else {
            float[] f = f32(dst);
            for (int i = 0; i < src.length; i++) {
                f[i] = (float) src[i];
            }
        }
    }

    @Override
    public double[] readDoubles(Strided src) {
        HostBuffer.F64 out = new HostBuffer.F64(new double[src.view().numel()]);
        copy(src, new Strided(out, View.contiguous(src.shape())));
        return out.data();
    }

    @Override
    public float[] readFloats(Strided src) {
        HostBuffer.F32 out = new HostBuffer.F32(new float[src.view().numel()]);
        copy(src, new Strided(out, View.contiguous(src.shape())));
        return out.data();
    }

    @Override
    public void fill(Strided dst, double value) {
        if (Direct.fits(dst)) {
            Direct.fill(dst, value);
            return;
        }
        Rows rows = Rows.plan(dst.shape(), dst.view());
        boolean f32 = dst.dtype() == DType.F32;
        Segments.forEach(rows, 1, (s, n, scratch) -> {
            int stride = rows.innerStrides[0];
            if (f32) {
                float[] a = f32(dst.buffer());
                if (rows.unit(0)) {
                    Arrays.fill(a, s[0], s[0] + n, (float) value);
                } else {
                    Arrays.fill(scratch.f[0], 0, n, (float) value);
                    Strides.scatter(scratch.f[0], a, s[0], stride, n);
                }
            } else {
                double[] a = f64(dst.buffer());
                if (rows.unit(0)) {
                    Arrays.fill(a, s[0], s[0] + n, value);
                } else {
                    Arrays.fill(scratch.d[0], 0, n, value);
                    Strides.scatter(scratch.d[0], a, s[0], stride, n);
                }
            }
        });
    }

    @Override
    public void copy(Strided src, Strided dst) {
        if (Direct.fits(dst) && Direct.dense(src.view())) {
            Direct.copy(src, dst);
            return;
        }
        Rows rows = Rows.plan(dst.shape(), src.view(), dst.view());
        Segments.forEach(rows, 2, (s, n, scratch) -> Copies.run(src.buffer(), s[0], rows.innerStrides[0],
                dst.buffer(), s[1], rows.innerStrides[1], n, rows.length == 1));
    }

    // ---- elementwise ----

    @Override
    public void unary(UnaryOp op, Strided x, Strided out) {
        if (Direct.fits(out) && Direct.dense(x.view())) {
            Direct.unary(op, x, out);
            return;
        }
        Rows rows = Rows.plan(out.shape(), x.view(), out.view());
        boolean f32 = out.dtype() == DType.F32;
        Segments.forEach(rows, 2, (s, n, scratch) -> {
            if (f32) {
                Operand.F x0 = Operand.F.of(f32(x.buffer()), s[0], rows, 0, n, scratch.f[0], false);
                Operand.F o = Operand.F.output(f32(out.buffer()), s[1], rows, 1, scratch.f[3]);
                FloatKernels.unary(op, x0.array, x0.offset, o.array, o.offset, n);
                o.store(f32(out.buffer()), s[1], rows, 1, n);
            } else {
                Operand.D x0 = Operand.D.of(f64(x.buffer()), s[0], rows, 0, n, scratch.d[0], false);
                Operand.D o = Operand.D.output(f64(out.buffer()), s[1], rows, 1, scratch.d[3]);
                DoubleKernels.unary(op, x0.array, x0.offset, o.array, o.offset, n);
                o.store(f64(out.buffer()), s[1], rows, 1, n);
            }
        });
    }

    @Override
    public void binary(BinaryOp op, Strided a, Strided b, Strided out) {
        if (Direct.fits(out) && Direct.denseOrScalar(a.view()) && Direct.denseOrScalar(b.view())) {
            Direct.binary(op, a, b, out);
            return;
        }
        pairwise(a, b, out,
                (x, xo, xs, y, yo, ys, o, oo, n) -> FloatKernels.binary(op, x, xo, xs, y, yo, ys, o, oo, n),
                (x, xo, xs, y, yo, ys, o, oo, n) -> DoubleKernels.binary(op, x, xo, xs, y, yo, ys, o, oo, n));
    }

    @Override
    public void addScaled(Strided a, Strided b, double alpha, Strided out) {
        float alpha32 = (float) alpha;
        pairwise(a, b, out,
                (x, xo, xs, y, yo, ys, o, oo, n) -> FloatKernels.addScaled(x, xo, xs, y, yo, ys, alpha32, o, oo, n),
                (x, xo, xs, y, yo, ys, o, oo, n) -> DoubleKernels.addScaled(x, xo, xs, y, yo, ys, alpha, o, oo, n));
    }

    /** A kernel of two operands over one run: a scalar operand repeats its first element. */
    private interface FloatPairKernel {
        void run(float[] a, int ao, boolean aScalar, float[] b, int bo, boolean bScalar, float[] o, int oo, int n);
    }

    /** {@link FloatPairKernel} for doubles. */
    private interface DoublePairKernel {
        void run(double[] a, int ao, boolean aScalar, double[] b, int bo, boolean bScalar, double[] o, int oo, int n);
    }

    /** Runs a two-operand elementwise kernel over any views of {@code a}, {@code b} and {@code out}. */
    private void pairwise(Strided a, Strided b, Strided out, FloatPairKernel f32Kernel, DoublePairKernel f64Kernel) {
        Rows rows = Rows.plan(out.shape(), a.view(), b.view(), out.view());
        boolean f32 = out.dtype() == DType.F32;
        Segments.forEach(rows, 3, (s, n, scratch) -> {
            if (f32) {
                Operand.F a0 = Operand.F.of(f32(a.buffer()), s[0], rows, 0, n, scratch.f[0], true);
                Operand.F b0 = Operand.F.of(f32(b.buffer()), s[1], rows, 1, n, scratch.f[1], true);
                Operand.F o = Operand.F.output(f32(out.buffer()), s[2], rows, 2, scratch.f[3]);
                f32Kernel.run(a0.array, a0.offset, a0.scalar, b0.array, b0.offset, b0.scalar, o.array, o.offset, n);
                o.store(f32(out.buffer()), s[2], rows, 2, n);
            } else {
                Operand.D a0 = Operand.D.of(f64(a.buffer()), s[0], rows, 0, n, scratch.d[0], true);
                Operand.D b0 = Operand.D.of(f64(b.buffer()), s[1], rows, 1, n, scratch.d[1], true);
                Operand.D o = Operand.D.output(f64(out.buffer()), s[2], rows, 2, scratch.d[3]);
                f64Kernel.run(a0.array, a0.offset, a0.scalar, b0.array, b0.offset, b0.scalar, o.array, o.offset, n);
                o.store(f64(out.buffer()), s[2], rows, 2, n);
            }
        });
    }

    @Override
    public void where(Strided cond, Strided a, Strided b, Strided out) {
        if (Direct.fits(out) && Direct.denseOrScalar(cond.view()) && Direct.denseOrScalar(a.view())
                && Direct.denseOrScalar(b.view())) {
            Direct.where(cond, a, b, out);
            return;
        }
        Rows rows = Rows.plan(out.shape(), cond.view(), a.view(), b.view(), out.view());
        boolean f32 = out.dtype() == DType.F32;
        Segments.forEach(rows, 4, (s, n, scratch) -> {
            if (f32) {
                Operand.F c0 = Operand.F.of(f32(cond.buffer()), s[0], rows, 0, n, scratch.f[0], true);
                Operand.F a0 = Operand.F.of(f32(a.buffer()), s[1], rows, 1, n, scratch.f[1], true);
                Operand.F b0 = Operand.F.of(f32(b.buffer()), s[2], rows, 2, n, scratch.f[2], true);
                Operand.F o = Operand.F.output(f32(out.buffer()), s[3], rows, 3, scratch.f[3]);
                FloatKernels.where(c0.array, c0.offset, c0.scalar, a0.array, a0.offset, a0.scalar,
                        b0.array, b0.offset, b0.scalar, o.array, o.offset, n);
                o.store(f32(out.buffer()), s[3], rows, 3, n);
            } else {
                Operand.D c0 = Operand.D.of(f64(cond.buffer()), s[0], rows, 0, n, scratch.d[0], true);
                Operand.D a0 = Operand.D.of(f64(a.buffer()), s[1], rows, 1, n, scratch.d[1], true);
                Operand.D b0 = Operand.D.of(f64(b.buffer()), s[2], rows, 2, n, scratch.d[2], true);
                Operand.D o = Operand.D.output(f64(out.buffer()), s[3], rows, 3, scratch.d[3]);
                DoubleKernels.where(c0.array, c0.offset, c0.scalar, a0.array, a0.offset, a0.scalar,
                        b0.array, b0.offset, b0.scalar, o.array, o.offset, n);
                o.store(f64(out.buffer()), s[3], rows, 3, n);
            }
        });
    }

    // ---- reductions ----

    @Override
    public void reduce(ReduceOp op, Strided x, Strided out) {
        if (!Direct.reduceSuffix(op, x, out) && !Reductions.run(op, x, out)) {
            fallback("reduce").reduce(op, x, out);
        }
    }

    /** Index search along one axis: branchy scalar work with no vector gain; the reference loop does it. */
    @Override
    public void argReduce(ArgReduceOp op, Strided x, int axis, Strided out) {
        fallback("argReduce").argReduce(op, x, axis, out);
    }

    /**
     * Packed, register-blocked GEMM ({@link Gemm}) on the operands' own strides, so transposed
     * operands are not copied. Only an output whose rows are not contiguous goes to the reference.
     */
    @Override
    public void matmul(Strided a, Strided b, Strided out) {
        if (!gemm(a, b, out, Epilogue.NONE)) {
            fallback("matmul").matmul(a, b, out);
        }
    }

    /**
     * The GEMM of {@link #matmul} with the addend added to each block of the product by the task
     * that finished it, while the block is in its cache ({@link AddendEpilogue}). An addend with
     * strided rows, or an output that {@link #matmul} hands on, takes the default composition.
     */
    @Override
    public void matmulAdd(Strided a, Strided b, Strided addend, Strided out) {
        if (!AddendEpilogue.handles(addend) || !gemm(a, b, out, new AddendEpilogue(addend, out, false))) {
            Backend.super.matmulAdd(a, b, addend, out);
        }
    }

    /**
     * The GEMM of {@link #matmul} with the addend added and the ReLU applied to each block of the
     * product by the task that finished it ({@link AddendEpilogue}); other layouts take the default
     * composition, as in {@link #matmulAdd}.
     */
    @Override
    public void matmulAddRelu(Strided a, Strided b, Strided addend, Strided out) {
        if (!AddendEpilogue.handles(addend) || !gemm(a, b, out, new AddendEpilogue(addend, out, true))) {
            Backend.super.matmulAddRelu(a, b, addend, out);
        }
    }

    /** Runs the GEMM {@code out = a @ b}, then {@code epilogue}; false for an output it cannot write. */
    private static boolean gemm(Strided a, Strided b, Strided out, Epilogue epilogue) {
        View av = a.view();
        View bv = b.view();
        View ov = out.view();
        int batch = ov.shape().dim(0);
        int m = ov.shape().dim(1);
        int n = ov.shape().dim(2);
        int k = av.shape().dim(2);
        if (n > 1 && ov.stride(2) != 1 || batch > 1 && m * n > 0 && ov.stride(0) == 0) {
            return false;
        }
        if (out.dtype() == DType.F32) {
            Gemm.sgemmBatched(batch, m, n, k, f32(a.buffer()), av.offset(), av.stride(0), av.stride(1), av.stride(2),
                    f32(b.buffer()), bv.offset(), bv.stride(0), bv.stride(1), bv.stride(2),
                    f32(out.buffer()), ov.offset(), ov.stride(0), ov.stride(1), false, ThreadPool.forGemm(), epilogue);
        } else {
            Gemm.dgemmBatched(batch, m, n, k, f64(a.buffer()), av.offset(), av.stride(0), av.stride(1), av.stride(2),
                    f64(b.buffer()), bv.offset(), bv.stride(0), bv.stride(1), bv.stride(2),
                    f64(out.buffer()), ov.offset(), ov.stride(0), ov.stride(1), false, ThreadPool.forGemm(), epilogue);
        }
        return true;
    }

    /** Data-dependent addressing with no vector gain; the reference loop does it. */
    @Override
    public void gather(Strided x, int axis, Strided index, Strided out) {
        fallback("gather").gather(x, axis, index, out);
    }

    /** Sequential accumulation keeps repeated indices deterministic; the reference loop does it. */
    @Override
    public void scatterAdd(Strided src, int axis, Strided index, Strided out) {
        fallback("scatterAdd").scatterAdd(src, axis, index, out);
    }

    // ---- window kernels (dev.nabla.simd.window; gains measured in docs/performance.md) ----

    @Override
    public void im2col(Strided x, Window2d window, Strided out) {
        Im2col.run(x, window, out);
    }

    @Override
    public void col2im(Strided cols, Window2d window, Strided out) {
        Col2im.run(cols, window, out);
    }

    @Override
    public void maxPool2d(Strided x, Window2d window, Strided out, Strided argmax) {
        MaxPool2d.run(this, x, window, out, argmax);
    }

    @Override
    public void maxPool2dBackward(Strided grad, Strided argmax, Window2d window, Strided gradIn) {
        if (MaxPoolBackward.supports(grad, argmax, gradIn)) {
            MaxPoolBackward.run(grad, argmax, window, gradIn);
        } else {
            Backend.super.maxPool2dBackward(grad, argmax, window, gradIn);
        }
    }

    @Override
    public void avgPool2d(Strided x, Window2d window, boolean countIncludePad, Strided out) {
        AvgPool2d.run(x, window, countIncludePad, out);
    }

    // ---- batch normalization (dev.nabla.simd.norm: contiguous F32; other cases compose the primitives) ----

    @Override
    public void batchNorm(Strided x, Strided weight, Strided bias, double eps, Strided out, Strided mean,
                          Strided var) {
        if (BatchNorm.supports(x, out)) {
            BatchNorm.forward(x, weight, bias, eps, out, mean, var);
        } else {
            Backend.super.batchNorm(x, weight, bias, eps, out, mean, var);
        }
    }

    @Override
    public void batchNormBackward(Strided gradOut, Strided x, Strided mean, Strided var, Strided weight, double eps,
                                  Strided gradIn, Strided gradWeight, Strided gradBias) {
        if (BatchNorm.supports(x, gradOut, gradIn)) {
            BatchNorm.backward(gradOut, x, mean, var, weight, eps, gradIn, gradWeight, gradBias);
        } else {
            Backend.super.batchNormBackward(gradOut, x, mean, var, weight, eps, gradIn, gradWeight, gradBias);
        }
    }

    // ---- convolution (dev.nabla.simd.conv: F32, stride 1; other cases compose the primitives) ----

    @Override
    public void conv2d(Strided x, Strided weight, Strided bias, Window2d window, int groups, Strided out) {
        if (Convolutions.supports(out.dtype(), x.shape(), window, weight.shape(), out.shape())) {
            Convolutions.forward(x, weight, bias, window, groups, out);
        } else {
            Backend.super.conv2d(x, weight, bias, window, groups, out);
        }
    }

    @Override
    public void conv2dBackwardInput(Strided gradOut, Strided weight, Window2d window, int groups, Strided gradIn) {
        if (Convolutions.supports(gradIn.dtype(), gradIn.shape(), window, weight.shape(), gradOut.shape())
                && Convolutions.finite(weight)) {
            Convolutions.backwardInput(gradOut, weight, window, groups, gradIn);
        } else {
            Backend.super.conv2dBackwardInput(gradOut, weight, window, groups, gradIn);
        }
    }

    @Override
    public void conv2dBackwardWeight(Strided x, Strided gradOut, Window2d window, int groups, Strided gradWeight,
                                     Strided gradBias) {
        if (Convolutions.supports(x.dtype(), x.shape(), window, gradWeight.shape(), gradOut.shape())
                && Convolutions.finite(x)) {
            Convolutions.backwardWeight(x, gradOut, window, groups, gradWeight, gradBias);
        } else {
            Backend.super.conv2dBackwardWeight(x, gradOut, window, groups, gradWeight, gradBias);
        }
    }

    // ---- fused optimizer steps (contiguous operands; other layouts compose the primitives) ----

    @Override
    public void sgdStep(Strided param, Strided grad, Strided buffer, Strided newBuffer, SgdStep step) {
        if (!dense(param, grad, buffer, newBuffer)) {
            Backend.super.sgdStep(param, grad, buffer, newBuffer, step);
            return;
        }
        int po = param.view().offset();
        int go = grad.view().offset();
        int bo = buffer == null ? 0 : buffer.view().offset();
        int no = newBuffer == null ? 0 : newBuffer.view().offset();
        boolean f32 = param.dtype() == DType.F32;
        overRows(param.view().numel(), 1, (from, len) -> {
            if (f32) {
                OptimizerKernels.sgd(f32(param.buffer()), po + from, f32(grad.buffer()), go + from,
                        buffer == null ? null : f32(buffer.buffer()), bo + from,
                        newBuffer == null ? null : f32(newBuffer.buffer()), no + from, len, step);
            } else {
                OptimizerKernels.sgd(f64(param.buffer()), po + from, f64(grad.buffer()), go + from,
                        buffer == null ? null : f64(buffer.buffer()), bo + from,
                        newBuffer == null ? null : f64(newBuffer.buffer()), no + from, len, step);
            }
        });
    }

    /**
     * One pass over contiguous operands ({@link OptimizerKernels#adam}), in chunks on the pool
     * from {@link Segments#PARALLEL_MIN} elements; other layouts take the default composition.
     */
    @Override
    public void adamStep(Strided param, Strided grad, Strided expAvg, Strided expAvgSq, Strided maxExpAvgSq,
                         Strided newExpAvg, Strided newExpAvgSq, Strided newMaxExpAvgSq, AdamStep step) {
        Strided[] operands = {param, grad, expAvg, expAvgSq, maxExpAvgSq, newExpAvg, newExpAvgSq, newMaxExpAvgSq};
        if (!dense(operands)) {
            Backend.super.adamStep(param, grad, expAvg, expAvgSq, maxExpAvgSq, newExpAvg, newExpAvgSq,
                    newMaxExpAvgSq, step);
            return;
        }
        boolean f32 = param.dtype() == DType.F32;
        overRows(param.view().numel(), 1, (from, len) -> {
            int[] at = offsets(operands, from);
            if (f32) {
                OptimizerKernels.adam(f32(param.buffer()), f32(grad.buffer()), f32(expAvg.buffer()),
                        f32(expAvgSq.buffer()), maxExpAvgSq == null ? null : f32(maxExpAvgSq.buffer()),
                        f32(newExpAvg.buffer()), f32(newExpAvgSq.buffer()),
                        newMaxExpAvgSq == null ? null : f32(newMaxExpAvgSq.buffer()), at, len, step);
            } else {
                OptimizerKernels.adam(f64(param.buffer()), f64(grad.buffer()), f64(expAvg.buffer()),
                        f64(expAvgSq.buffer()), maxExpAvgSq == null ? null : f64(maxExpAvgSq.buffer()),
                        f64(newExpAvg.buffer()), f64(newExpAvgSq.buffer()),
                        newMaxExpAvgSq == null ? null : f64(newMaxExpAvgSq.buffer()), at, len, step);
            }
        });
    }

    /** One pass over contiguous operands ({@link OptimizerKernels#adagrad}), as {@link #adamStep}. */
    @Override
    public void adagradStep(Strided param, Strided grad, Strided sum, Strided newSum, AdagradStep step) {
        if (!dense(param, grad, sum, newSum)) {
            Backend.super.adagradStep(param, grad, sum, newSum, step);
            return;
        }
        int po = param.view().offset();
        int go = grad.view().offset();
        int so = sum.view().offset();
        int no = newSum.view().offset();
        boolean f32 = param.dtype() == DType.F32;
        overRows(param.view().numel(), 1, (from, len) -> {
            if (f32) {
                OptimizerKernels.adagrad(f32(param.buffer()), po + from, f32(grad.buffer()), go + from,
                        f32(sum.buffer()), so + from, f32(newSum.buffer()), no + from, len, step);
            } else {
                OptimizerKernels.adagrad(f64(param.buffer()), po + from, f64(grad.buffer()), go + from,
                        f64(sum.buffer()), so + from, f64(newSum.buffer()), no + from, len, step);
            }
        });
    }

    /** One pass over contiguous operands ({@link OptimizerKernels#rmsprop}), as {@link #adamStep}. */
    @Override
    public void rmspropStep(Strided param, Strided grad, Strided squareAvg, Strided gradAvg, Strided buffer,
                            Strided newSquareAvg, Strided newGradAvg, Strided newBuffer, RmspropStep step) {
        Strided[] operands = {param, grad, squareAvg, gradAvg, buffer, newSquareAvg, newGradAvg, newBuffer};
        if (!dense(operands)) {
            Backend.super.rmspropStep(param, grad, squareAvg, gradAvg, buffer, newSquareAvg, newGradAvg, newBuffer,
                    step);
            return;
        }
        boolean f32 = param.dtype() == DType.F32;
        overRows(param.view().numel(), 1, (from, len) -> {
            int[] at = offsets(operands, from);
            if (f32) {
                OptimizerKernels.rmsprop(f32(param.buffer()), f32(grad.buffer()), f32(squareAvg.buffer()),
                        gradAvg == null ? null : f32(gradAvg.buffer()), buffer == null ? null : f32(buffer.buffer()),
                        f32(newSquareAvg.buffer()), newGradAvg == null ? null : f32(newGradAvg.buffer()),
                        newBuffer == null ? null : f32(newBuffer.buffer()), at, len, step);
            } else {
                OptimizerKernels.rmsprop(f64(param.buffer()), f64(grad.buffer()), f64(squareAvg.buffer()),
                        gradAvg == null ? null : f64(gradAvg.buffer()), buffer == null ? null : f64(buffer.buffer()),
                        f64(newSquareAvg.buffer()), newGradAvg == null ? null : f64(newGradAvg.buffer()),
                        newBuffer == null ? null : f64(newBuffer.buffer()), at, len, step);
            }
        });
    }

    /** Where each operand's run starts, {@code from} elements in; 0 for an absent (null) one. */
    private static int[] offsets(Strided[] operands, int from) {
        int[] at = new int[operands.length];
        for (int k = 0; k < operands.length; k++) {
            at[k] = operands[k] == null ? 0 : operands[k].view().offset() + from;
        }
        return at;
    }

    /** Whether every operand present (null ones are absent) is contiguous. */
    private static boolean dense(Strided... operands) {
        for (Strided s : operands) {
            if (s != null && !Direct.dense(s.view())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One pass per row over contiguous float rows ({@link SoftmaxKernels}) when the axis is the
     * last; other layouts, other axes and doubles take the default composition.
     */
    @Override
    public void logSoftmax(Strided x, int axis, Strided out) {
        if (!lastAxisRows(axis, x, out)) {
            Backend.super.logSoftmax(x, axis, out);
            return;
        }
        int c = x.shape().dim(axis);
        overRows(x.view().numel() / c, c, (r0, rows) -> SoftmaxKernels.logSoftmax(
                f32(x.buffer()), x.view().offset() + r0 * c, f32(out.buffer()), out.view().offset() + r0 * c, rows, c));
    }

    /** The gradient of {@link #logSoftmax}, on the same terms. */
    @Override
    public void logSoftmaxBackward(Strided grad, Strided out, int axis, Strided gradIn) {
        if (!lastAxisRows(axis, grad, out, gradIn)) {
            Backend.super.logSoftmaxBackward(grad, out, axis, gradIn);
            return;
        }
        int c = out.shape().dim(axis);
        overRows(out.view().numel() / c, c, (r0, rows) -> SoftmaxKernels.logSoftmaxBackward(
                f32(grad.buffer()), grad.view().offset() + r0 * c, f32(out.buffer()), out.view().offset() + r0 * c,
                f32(gradIn.buffer()), gradIn.view().offset() + r0 * c, rows, c));
    }

    /** Whether the operands are contiguous float rows along {@code axis}, the last, of some length. */
    private static boolean lastAxisRows(int axis, Strided... operands) {
        Strided first = operands[0];
        if (first.dtype() != DType.F32 || axis != first.shape().rank() - 1 || first.shape().dim(axis) == 0) {
            return false;
        }
        for (Strided s : operands) {
            if (!Direct.dense(s.view())) {
                return false;
            }
        }
        return true;
    }

    /** A body over a block of rows (or of elements, rows of one): rows {@code [r0, r0 + rows)}. */
    private interface RowBlock {
        void run(int r0, int rows);
    }

    /**
     * Runs {@code body} over {@code rows} rows of {@code c} elements, in blocks of about a chunk
     * on the pool from {@link Segments#PARALLEL_MIN} elements, else in one block.
     */
    private static void overRows(int rows, int c, RowBlock body) {
        long elements = (long) rows * c;
        int perBlock = elements < Segments.PARALLEL_MIN ? Math.max(rows, 1) : Math.max(1, Segments.CHUNK / c);
        ThreadPool.forEach(ThreadPool.chunks(rows, perBlock), b -> {
            int r0 = b * perBlock;
            body.run(r0, Math.min(perBlock, rows - r0));
        });
    }

    // ---- helpers ----

    static float[] f32(Buffer b) {
        if (b instanceof HostBuffer.F32 f) {
            return f.data();
        }
        throw foreign(b, DType.F32);
    }

    static double[] f64(Buffer b) {
        if (b instanceof HostBuffer.F64 d) {
            return d.data();
        }
        throw foreign(b, DType.F64);
    }

    private static IllegalArgumentException foreign(Buffer b, DType expected) {
        return new IllegalArgumentException("simd: expected a host " + expected + " buffer, got " + b.dtype() + " "
                + b.getClass().getName() + "; tensors of other devices must be moved with .to(Device.SIMD)");
    }

    private static void checkLength(Buffer dst, int length) {
        if (dst.size() != length) {
            throw new IllegalArgumentException("write: buffer holds " + dst.size() + " elements, source " + length);
        }
    }
}
