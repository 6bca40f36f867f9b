package dev.nabla.autodiff;

import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.tensor.spi.SgdStep;

/**
 * Optimizer steps that update a parameter in place in one pass, through the backend's fused
 * kernels ({@link dev.nabla.tensor.spi.Backend#sgdStep}): what an optimizer's {@code step()}
 * runs in place of its pure update rule and a copy, with the same bits. Each checks its operands,
 * writes the parameter unrecorded, and counts the write in its version as
 * {@link Tensor#copyFrom} does.
 */
public final class FusedSteps {
    private FusedSteps() {
    }

    /**
     * One step of SGD on {@code param} (see {@link dev.nabla.tensor.spi.Backend#sgdStep} for the
     * arithmetic), in place.
     *
     * @param param  the parameter, any shape; updated in place
     * @param grad   its gradient, same shape and dtype
     * @param buffer the momentum buffer, same shape and dtype, or null at the first step and
     *               without momentum; only read
     * @param step   the hyperparameters
     * @return the new momentum buffer in new storage, or null without momentum
     * @throws IllegalStateException    if {@code param} requires grad while grad mode is on
     * @throws IllegalArgumentException if the operands differ in shape, dtype or device
     */
    public static Tensor sgd(Tensor param, Tensor grad, Tensor buffer, SgdStep step) {
        requireWritable("sgdStep", param);
        requireLike("sgdStep", "grad", grad, param);
        if (buffer != null) {
            requireLike("sgdStep", "momentum buffer", buffer, param);
        }
        Tensor newBuffer = step.momentum() == 0 ? null : Kernels.empty(param.shape(), param.dtype(), param.backend());
        param.backend().sgdStep(param.strided(), grad.strided(), buffer == null ? null : buffer.strided(),
                newBuffer == null ? null : newBuffer.strided(), step);
        param.storage().bumpVersion();
        return newBuffer;
    }

    private static void requireWritable(String op, Tensor param) {
        if (param.requiresGrad() && GradMode.isEnabled()) {
            throw new IllegalStateException(op + ": in-place update of a parameter that requires grad while grad mode"
                    + " is on; wrap the step in try (var s = GradMode.disable()) { ... }");
        }
    }

    private static void requireLike(String op, String what, Tensor t, Tensor param) {
        Kernels.requireSameDevice(op, param, t);
        if (!t.shape().equals(param.shape()) || t.dtype() != param.dtype()) {
            throw new IllegalArgumentException(op + ": " + what + " " + t.shape() + " " + t.dtype()
                    + " must match the parameter " + param.shape() + " " + param.dtype());
        }
    }
}
