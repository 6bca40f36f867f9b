package dev.nabla.autodiff;

import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.tensor.spi.AdagradStep;
import dev.nabla.tensor.spi.AdamStep;
import dev.nabla.tensor.spi.RmspropStep;
import dev.nabla.tensor.spi.SgdStep;

/**
 * Optimizer steps that update a parameter in place in one pass, through the backend's fused
 * kernels ({@code Backend.sgdStep}, {@code adamStep}, {@code adagradStep}, {@code rmspropStep}):
 * what an optimizer's {@code step()} runs in place of its pure update rule and a copy, with the
 * same bits. Each checks its operands, writes the parameter unrecorded, and counts the write in
 * its version as {@link Tensor#copyFrom} does.
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
        Tensor newBuffer = step.momentum() == 0 ? null : emptyLike(param);
        param.backend().sgdStep(param.strided(), grad.strided(), buffer == null ? null : buffer.strided(),
                newBuffer == null ? null : newBuffer.strided(), step);
        param.storage().bumpVersion();
        return newBuffer;
    }

    /** Adam's moments after a step, each in new storage: the AMSGrad maximum null without AMSGrad. */
    public record AdamMoments(Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq) {
    }

    /**
     * One step of Adam or AdamW on {@code param} (see {@link dev.nabla.tensor.spi.Backend#adamStep}
     * for the arithmetic), in place.
     *
     * @param param       the parameter, any shape; updated in place
     * @param grad        its gradient, same shape and dtype
     * @param expAvg      the first moment, same shape and dtype; only read
     * @param expAvgSq    the second moment, likewise
     * @param maxExpAvgSq AMSGrad's running maximum of the second moment, likewise, or null (without
     *                    AMSGrad, or before its first step)
     * @param step        the hyperparameters and the step's number
     * @return the new moments
     * @throws IllegalStateException    if {@code param} requires grad while grad mode is on
     * @throws IllegalArgumentException if the operands differ in shape, dtype or device
     */
    public static AdamMoments adam(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq,
                                   AdamStep step) {
        requireWritable("adamStep", param);
        requireLike("adamStep", "grad", grad, param);
        requireLike("adamStep", "exp_avg", expAvg, param);
        requireLike("adamStep", "exp_avg_sq", expAvgSq, param);
        if (maxExpAvgSq != null) {
            requireLike("adamStep", "max_exp_avg_sq", maxExpAvgSq, param);
        }
        Tensor newExpAvg = emptyLike(param);
        Tensor newExpAvgSq = emptyLike(param);
        Tensor newMax = step.amsgrad() ? emptyLike(param) : null;
        param.backend().adamStep(param.strided(), grad.strided(), expAvg.strided(), expAvgSq.strided(),
                maxExpAvgSq == null || !step.amsgrad() ? null : maxExpAvgSq.strided(), newExpAvg.strided(),
                newExpAvgSq.strided(), newMax == null ? null : newMax.strided(), step);
        param.storage().bumpVersion();
        return new AdamMoments(newExpAvg, newExpAvgSq, newMax);
    }

    /**
     * One step of Adagrad on {@code param} (see {@link dev.nabla.tensor.spi.Backend#adagradStep}
     * for the arithmetic), in place.
     *
     * @param param the parameter, any shape; updated in place
     * @param grad  its gradient, same shape and dtype
     * @param sum   the accumulated squared gradients, same shape and dtype; only read
     * @param step  the hyperparameters and the step's number
     * @return the new sum in new storage
     * @throws IllegalStateException    if {@code param} requires grad while grad mode is on
     * @throws IllegalArgumentException if the operands differ in shape, dtype or device
     */
    public static Tensor adagrad(Tensor param, Tensor grad, Tensor sum, AdagradStep step) {
        requireWritable("adagradStep", param);
        requireLike("adagradStep", "grad", grad, param);
        requireLike("adagradStep", "sum", sum, param);
        Tensor newSum = emptyLike(param);
        param.backend().adagradStep(param.strided(), grad.strided(), sum.strided(), newSum.strided(), step);
        param.storage().bumpVersion();
        return newSum;
    }

    /**
     * RMSprop's averages after a step, each in new storage: the gradient average null unless
     * centered, the momentum buffer null without momentum.
     */
    public record RmspropAverages(Tensor squareAvg, Tensor gradAvg, Tensor momentumBuffer) {
    }

    /**
     * One step of RMSprop on {@code param} (see {@link dev.nabla.tensor.spi.Backend#rmspropStep}
     * for the arithmetic), in place.
     *
     * @param param     the parameter, any shape; updated in place
     * @param grad      its gradient, same shape and dtype
     * @param squareAvg the squared-gradient average, same shape and dtype; only read
     * @param gradAvg   the gradient average, likewise, if centered (ignored otherwise)
     * @param buffer    the momentum buffer, likewise, with momentum (ignored otherwise)
     * @param step      the hyperparameters
     * @return the new averages and buffer
     * @throws IllegalStateException    if {@code param} requires grad while grad mode is on
     * @throws IllegalArgumentException if the operands differ in shape, dtype or device, or one the
     *                                  step needs is null
     */
    public static RmspropAverages rmsprop(Tensor param, Tensor grad, Tensor squareAvg, Tensor gradAvg, Tensor buffer,
                                          RmspropStep step) {
        requireWritable("rmspropStep", param);
        requireLike("rmspropStep", "grad", grad, param);
        requireLike("rmspropStep", "square_avg", squareAvg, param);
        if (step.centered()) {
            requireLike("rmspropStep", "grad_avg", gradAvg, param);
        }
        if (step.hasMomentum()) {
            requireLike("rmspropStep", "momentum_buffer", buffer, param);
        }
        Tensor newSquareAvg = emptyLike(param);
        Tensor newGradAvg = step.centered() ? emptyLike(param) : null;
        Tensor newBuffer = step.hasMomentum() ? emptyLike(param) : null;
        param.backend().rmspropStep(param.strided(), grad.strided(), squareAvg.strided(),
                newGradAvg == null ? null : gradAvg.strided(), newBuffer == null ? null : buffer.strided(),
                newSquareAvg.strided(), newGradAvg == null ? null : newGradAvg.strided(),
                newBuffer == null ? null : newBuffer.strided(), step);
        param.storage().bumpVersion();
        return new RmspropAverages(newSquareAvg, newGradAvg, newBuffer);
    }

    /** New storage of {@code param}'s shape, dtype and device, for a step's new state. */
    private static Tensor emptyLike(Tensor param) {
        return Kernels.empty(param.shape(), param.dtype(), param.backend());
    }

    private static void requireWritable(String op, Tensor param) {
        if (param.requiresGrad() && GradMode.isEnabled()) {
            throw new IllegalStateException(op + ": in-place update of a parameter that requires grad while grad mode"
                    + " is on; wrap the step in try (var s = GradMode.disable()) { ... }");
        }
    }

    private static void requireLike(String op, String what, Tensor t, Tensor param) {
        if (t == null) {
            throw new IllegalArgumentException(op + ": " + what + " is missing; this step needs it");
        }
        Kernels.requireSameDevice(op, param, t);
        if (!t.shape().equals(param.shape()) || t.dtype() != param.dtype()) {
            throw new IllegalArgumentException(op + ": " + what + " " + t.shape() + " " + t.dtype()
                    + " must match the parameter " + param.shape() + " " + param.dtype());
        }
    }
}
