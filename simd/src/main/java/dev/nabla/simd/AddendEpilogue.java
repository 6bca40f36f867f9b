package dev.nabla.simd;

import dev.nabla.simd.gemm.Epilogue;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.BinaryOp;

/**
 * The epilogue of {@link SimdBackend#matmulAdd}: adds {@code addend [B, M, N]} to each finished
 * rectangle of the product {@code out [B, M, N]}, in place, row by row with the elementwise ADD
 * kernel, so the result is the same bits as a separate pass. Rows of {@code out} are contiguous;
 * the addend's are contiguous or one repeated value (inner stride 1 or 0).
 */
final class AddendEpilogue implements Epilogue {
    private final View outView;
    private final View addendView;
    private final boolean repeated;
    private final float[] out32;
    private final float[] addend32;
    private final double[] out64;
    private final double[] addend64;

    AddendEpilogue(Strided addend, Strided out) {
        this.outView = out.view();
        this.addendView = addend.view();
        this.repeated = addendView.stride(2) == 0;
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
        int o = outView.offset() + item * outView.stride(0) + row0 * outView.stride(1) + col0;
        int a = addendView.offset() + item * addendView.stride(0) + row0 * addendView.stride(1)
                + col0 * addendView.stride(2);
        for (int i = 0; i < rows; i++, o += outView.stride(1), a += addendView.stride(1)) {
            if (out32 != null) {
                FloatKernels.binary(BinaryOp.ADD, out32, o, false, addend32, a, repeated, out32, o, cols);
            } else {
                DoubleKernels.binary(BinaryOp.ADD, out64, o, false, addend64, a, repeated, out64, o, cols);
            }
        }
    }
}
