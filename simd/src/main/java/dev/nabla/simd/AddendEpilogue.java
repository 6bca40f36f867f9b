package dev.nabla.simd;

import dev.nabla.simd.gemm.Epilogue;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.UnaryOp;

/**
 * The epilogue of {@link SimdBackend#matmulAdd} and {@link SimdBackend#matmulAddRelu}: adds
 * {@code addend [B, M, N]} to each finished rectangle of the product {@code out [B, M, N]}, in
 * place, row by row with the elementwise ADD kernel, then, for the second, applies the RELU
 * kernel to the same row while it is in cache; so the result is the same bits as separate passes.
 * Rows of {@code out} are contiguous; the addend's are contiguous or one repeated value (inner
 * stride 1 or 0).
 */
final class AddendEpilogue implements Epilogue {
    private final boolean relu;
    private final boolean repeated;
    private final int outOffset;
    private final int outItemStride;
    private final int outRowStride;
    private final int addendOffset;
    private final int addendItemStride;
    private final int addendRowStride;
    private final int addendColumnStride;
    private final float[] out32;
    private final float[] addend32;
    private final double[] out64;
    private final double[] addend64;

    /** Adds {@code addend} to {@code out}, then applies a ReLU when {@code relu} is set. */
    AddendEpilogue(Strided addend, Strided out, boolean relu) {
        View o = out.view();
        View a = addend.view();
        this.relu = relu;
        this.repeated = a.stride(2) == 0;
        this.outOffset = o.offset();
        this.outItemStride = o.stride(0);
        this.outRowStride = o.stride(1);
        this.addendOffset = a.offset();
        this.addendItemStride = a.stride(0);
        this.addendRowStride = a.stride(1);
        this.addendColumnStride = a.stride(2);
        boolean single = out.dtype() == DType.F32;
        this.out32 = single ? SimdBackend.f32(out.buffer()) : null;
        this.addend32 = single ? SimdBackend.f32(addend.buffer()) : null;
        this.out64 = single ? null : SimdBackend.f64(out.buffer());
        this.addend64 = single ? null : SimdBackend.f64(addend.buffer());
    }

    /** Whether the addend's rows can be read by this epilogue: contiguous or one repeated value. */
    static boolean handles(Strided addend) {
        View v = addend.view();
        return v.shape().dim(2) <= 1 || v.stride(2) == 0 || v.stride(2) == 1;
    }

    @Override
    public void finish(int item, int row0, int rows, int col0, int cols) {
        int o = outOffset + item * outItemStride + row0 * outRowStride + col0;
        int a = addendOffset + item * addendItemStride + row0 * addendRowStride + col0 * addendColumnStride;
        for (int i = 0; i < rows; i++, o += outRowStride, a += addendRowStride) {
            if (out32 != null) {
                FloatKernels.binary(BinaryOp.ADD, out32, o, false, addend32, a, repeated, out32, o, cols);
                if (relu) {
                    FloatKernels.unary(UnaryOp.RELU, out32, o, out32, o, cols);
                }
            } else {
                DoubleKernels.binary(BinaryOp.ADD, out64, o, false, addend64, a, repeated, out64, o, cols);
                if (relu) {
                    DoubleKernels.unary(UnaryOp.RELU, out64, o, out64, o, cols);
                }
            }
        }
    }
}
