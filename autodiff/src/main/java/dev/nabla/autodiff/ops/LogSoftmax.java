package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;

/**
 * Log-softmax along one axis ({@code Backend.logSoftmax}): one kernel where the composition of
 * max, subtract, exp, sum, log and subtract takes six, and the gradient
 * {@code grad - exp(out) * sum(grad)} as one more ({@code Backend.logSoftmaxBackward}).
 */
public record LogSoftmax(int axis, Tensor out) implements Op {
    /** {@code axis} is already resolved to a non-negative axis of {@code x}. */
    public static Tensor apply(Tensor x, int axis) {
        Tensor out = Kernels.empty(x.shape(), x.dtype(), x.backend());
        if (x.numel() > 0) {
            x.backend().logSoftmax(x.strided(), axis, out.strided());
        }
        return Graph.record(out, new LogSoftmax(axis, out), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        Tensor gradIn = Kernels.empty(out.shape(), out.dtype(), out.backend());
        if (out.numel() > 0) {
            out.backend().logSoftmaxBackward(grad.strided(), out.strided(), axis, gradIn.strided());
        }
        return new Tensor[] {gradIn};
    }
}
