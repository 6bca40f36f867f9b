package dev.nabla.simd.conv;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.HostBuffer;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.spi.Window2d;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The SIMD backend's convolution kernels ({@link dev.nabla.tensor.spi.Backend#conv2d} and its two
 * gradients) for F32 with stride 1, the case of the small convolutional networks this backend
 * trains: {@link DirectConv} for the forward pass and the input's gradient (a convolution of the
 * output gradient with the transposed, flipped weight), {@link WeightGrad} for the weight's. Every
 * operand may have any strides. Other cases are left to the default composition, which the caller
 * runs when {@link #supports} says no.
 */
public final class Convolutions {
    private Convolutions() {
    }

    /**
     * Whether these kernels compute a convolution of {@code input [N, C, H, W]} to
     * {@code output [N, O, OH, OW]}: F32, stride 1, the full output size, and no empty operand.
     */
    public static boolean supports(DType dtype, Shape input, Window2d w, Shape weight, Shape output) {
        return dtype == DType.F32 && w.strideH() == 1 && w.strideW() == 1
                && input.numel() > 0 && weight.numel() > 0 && output.numel() > 0
                && output.dim(2) == input.dim(2) + 2 * w.padH() - w.dilationH() * (w.kernelH() - 1)
                && output.dim(3) == input.dim(3) + 2 * w.padW() - w.dilationW() * (w.kernelW() - 1);
    }

    /** See {@link dev.nabla.tensor.spi.Backend#conv2d}; requires {@link #supports}. */
    public static void forward(Strided x, Strided weight, Strided bias, Window2d w, int groups, Strided out) {
        View wv = weight.view();
        Shape os = out.shape();
        Grid grid = new Grid(wv.shape().dim(1), w.kernelH(), w.kernelW(), w.dilationH(), w.dilationW(), w.padH(),
                w.padW(), os.dim(2), os.dim(3));
        int outs = os.dim(1) / groups;
        DirectConv.run(f32(x), x.view(), grid, groups, PackedWeights.forward(f32(weight), wv, groups),
                PackedWeights.bias(bias == null ? null : f32(bias), bias == null ? null : bias.view(), groups, outs),
                outs, f32(out), out.view());
    }

    /**
     * See {@link dev.nabla.tensor.spi.Backend#conv2dBackwardInput}; requires {@link #supports} and a
     * {@link #finite} weight.
     */
    public static void backwardInput(Strided gradOut, Strided weight, Window2d w, int groups, Strided gradIn) {
        View wv = weight.view();
        Shape is = gradIn.shape();
        int reachH = w.dilationH() * (w.kernelH() - 1);
        int reachW = w.dilationW() * (w.kernelW() - 1);
        Grid grid = new Grid(wv.shape().dim(0) / groups, w.kernelH(), w.kernelW(), w.dilationH(), w.dilationW(),
                reachH - w.padH(), reachW - w.padW(), is.dim(2), is.dim(3));
        int outs = wv.shape().dim(1);
        DirectConv.run(f32(gradOut), gradOut.view(), grid, groups, PackedWeights.backwardInput(f32(weight), wv, groups),
                PackedWeights.bias(null, null, groups, outs), outs, f32(gradIn), gradIn.view());
    }

    /**
     * Whether every element of {@code x} is finite, as {@link #backwardWeight} needs of the input
     * and {@link #backwardInput} of the weight: both multiply zeros by them that the default
     * composition never forms (the grid's dropped columns, the output gradient's padding), and
     * {@code 0 * inf} is NaN.
     */
    public static boolean finite(Strided x) {
        float[] a = f32(x);
        View v = x.view();
        if (v.isContiguous()) {
            return finite(a, v.offset(), v.numel());
        }
        Shape s = v.shape();
        for (int n = 0; n < s.dim(0); n++) {
            for (int c = 0; c < s.dim(1); c++) {
                for (int h = 0; h < s.dim(2); h++) {
                    for (int i = 0; i < s.dim(3); i++) {
                        if (!Float.isFinite(a[Views.at(v, n, c, h, i)])) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Whether {@code a[from .. from + n)} is all finite: their products with zero add up to zero. */
    private static boolean finite(float[] a, int from, int n) {
        FloatVector zeros = FloatVector.zero(DirectConv.S);
        int i = 0;
        for (int bound = DirectConv.S.loopBound(n); i < bound; i += DirectConv.L) {
            zeros = FloatVector.fromArray(DirectConv.S, a, from + i).mul(0f).add(zeros);
        }
        float zero = zeros.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            zero += a[from + i] * 0f;
        }
        return zero == 0;
    }

    /**
     * See {@link dev.nabla.tensor.spi.Backend#conv2dBackwardWeight}; requires {@link #supports} and a
     * {@link #finite} input.
     */
    public static void backwardWeight(Strided x, Strided gradOut, Window2d w, int groups, Strided gradWeight,
                                      Strided gradBias) {
        View gv = gradWeight.view();
        Shape os = gradOut.shape();
        Grid grid = new Grid(gv.shape().dim(1), w.kernelH(), w.kernelW(), w.dilationH(), w.dilationW(), w.padH(),
                w.padW(), os.dim(2), os.dim(3));
        WeightGrad.run(f32(x), x.view(), f32(gradOut), gradOut.view(), grid, groups, f32(gradWeight), gv,
                gradBias == null ? null : f32(gradBias), gradBias == null ? null : gradBias.view());
    }

    private static float[] f32(Strided s) {
        return ((HostBuffer.F32) s.buffer()).data();
    }
}
