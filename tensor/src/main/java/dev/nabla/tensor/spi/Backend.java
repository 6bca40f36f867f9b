package dev.nabla.tensor.spi;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Strided;

/**
 * The primitives every backend implements, for F32 and F64. Everything else in Nabla is composed
 * from these.
 *
 * <p>Contract: the caller has already validated shapes, axes and dtypes. Operands that are
 * combined elementwise arrive with the same shape, broadcasting expressed as zero strides;
 * inputs may be any strided view (permuted, sliced, flipped, expanded); an output is written only
 * through its view and never aliases an input (the parameter of the fused optimizer steps,
 * {@link #sgdStep}, {@link #adamStep}, {@link #adagradStep} and {@link #rmspropStep}, read and
 * written in place, is the one exception). Except for {@link #copy}, all operands of one call
 * share one dtype (index operands excepted). Every buffer passed in was allocated by this
 * backend.
 *
 * <p>The methods with a default are optional: {@link #addScaled}, {@link #matmulAdd},
 * {@link #matmulAddRelu}, {@link #logSoftmax} and its gradient among the compute methods, and the kernels at the end
 * (im2col, col2im, pooling, batch normalization, convolution, the fused optimizer steps). Their
 * defaults, inline or in {@link SoftmaxDefaults}, {@link WindowDefaults},
 * {@link BatchNormDefaults}, {@link ConvDefaults} and {@link OptimizerDefaults}, compose the
 * primitives, and a backend overrides one only where a benchmark shows the gain. The window and
 * normalization kernels take {@code [N, C, H, W]} views (batch normalization any
 * {@code [N, C, ...]}); output spatial sizes are read from the output's shape.
 */
public interface Backend {

    /** The device this backend computes on. */
    Device device();

    // ---- memory ----

    /** A new zero-filled buffer of {@code size} elements. */
    Buffer allocate(DType dtype, int size);

    /** Overwrites the whole of {@code dst} with {@code src} (same length), converting to its dtype. */
    void write(Buffer dst, float[] src);

    /** Overwrites the whole of {@code dst} with {@code src} (same length), converting to its dtype. */
    void write(Buffer dst, double[] src);

    /** The elements of {@code src} in row-major order of its view, as doubles. */
    double[] readDoubles(Strided src);

    /** The elements of {@code src} in row-major order of its view, rounded to float. */
    float[] readFloats(Strided src);

    /** Sets every element of {@code dst} to {@code value}. */
    void fill(Strided dst, double value);

    /** Copies {@code src} into {@code dst} (same shape), converting the dtype if they differ. */
    void copy(Strided src, Strided dst);

    // ---- compute ----

    /** {@code out = op(x)} elementwise; same shapes. */
    void unary(UnaryOp op, Strided x, Strided out);

    /** {@code out = op(a, b)} elementwise; same shapes. */
    void binary(BinaryOp op, Strided a, Strided b, Strided out);

    /**
     * {@code out = a + alpha * b} elementwise; same shapes. {@code alpha} is first rounded to the
     * operands' dtype and the result is rounded once, as a fused multiply-add: PyTorch's
     * {@code torch.add(a, b, alpha=alpha)}, the update of its optimizers. Optional: the default
     * multiplies and then adds with {@link #binary}, two passes and two roundings; a backend
     * overrides it with one pass.
     */
    default void addScaled(Strided a, Strided b, double alpha, Strided out) {
        Strided scaled = Temporaries.like(this, out);
        binary(BinaryOp.MUL, b, Temporaries.constant(this, out, alpha), scaled);
        binary(BinaryOp.ADD, a, scaled, out);
    }

    /**
     * Log-softmax of {@code x} along {@code axis} into {@code out} (same shape):
     * {@code (x - m) - log(sum(exp(x - m)))}, with {@code m} the maximum along the axis (a NaN
     * propagates). PyTorch's {@code log_softmax}. Optional: the default composes
     * {@link #reduce}, {@link #binary} and {@link #unary} ({@link SoftmaxDefaults}), six passes and
     * as many temporaries; a backend overrides it with one pass per row.
     */
    default void logSoftmax(Strided x, int axis, Strided out) {
        SoftmaxDefaults.logSoftmax(this, x, axis, out);
    }

    /**
     * The gradient of {@link #logSoftmax} from the gradient of its output and the output it wrote:
     * {@code gradIn = grad - exp(out) * sum(grad)} along {@code axis}, all three of one shape.
     * Optional, as {@link #logSoftmax}.
     */
    default void logSoftmaxBackward(Strided grad, Strided out, int axis, Strided gradIn) {
        SoftmaxDefaults.logSoftmaxBackward(this, grad, out, axis, gradIn);
    }

    /** {@code out = cond != 0 ? a : b} elementwise; same shapes (a NaN condition counts as true). */
    void where(Strided cond, Strided a, Strided b, Strided out);

    /**
     * Reduces {@code x} into {@code out}, whose shape equals {@code x}'s with every reduced axis of
     * size 1 (same rank). An empty reduction gives 0 for SUM; MAX and MIN require non-empty axes.
     */
    void reduce(ReduceOp op, Strided x, Strided out);

    /**
     * Writes the index along {@code axis} of each extreme of {@code x} into {@code out}, whose
     * shape is {@code x}'s with {@code axis} of size 1. Indices are stored as values of out's dtype.
     */
    void argReduce(ArgReduceOp op, Strided x, int axis, Strided out);

    /**
     * Batched matrix product {@code out[b] = a[b] @ bMat[b]} with {@code a: [B, M, K]},
     * {@code bMat: [B, K, N]}, {@code out: [B, M, N]}. A broadcast batch axis has stride 0.
     */
    void matmul(Strided a, Strided bMat, Strided out);

    /**
     * {@code out[b] = a[b] @ bMat[b] + addend[b]}: {@link #matmul}'s shapes, with {@code addend} of
     * {@code out}'s shape {@code [B, M, N]} (a bias is a {@code [N]} vector broadcast by zero
     * strides). Each element of the product is rounded before the addend is added, so the result
     * is the same bits as {@link #matmul} into a temporary followed by {@link #binary} ADD, which is
     * what the default does. Optional: a backend overrides it to add while a block of the product
     * is still in cache, saving a pass over the output and the temporary (PyTorch's {@code addmm}
     * as a dense layer uses it).
     */
    default void matmulAdd(Strided a, Strided bMat, Strided addend, Strided out) {
        Strided product = Temporaries.like(this, out);
        matmul(a, bMat, product);
        binary(BinaryOp.ADD, product, addend, out);
    }

    /**
     * {@code out[b] = relu(a[b] @ bMat[b] + addend[b])}: {@link #matmulAdd}'s shapes and rounding,
     * then {@link #unary} RELU, the same bits as the two calls, which is what the default does.
     * Optional: a backend overrides it to apply the ReLU with the addend while a block of the
     * product is still in cache, saving another pass and temporary (a dense layer followed by a
     * ReLU, PyTorch's {@code _addmm_activation}).
     */
    default void matmulAddRelu(Strided a, Strided bMat, Strided addend, Strided out) {
        Strided sum = Temporaries.like(this, out);
        matmulAdd(a, bMat, addend, sum);
        unary(UnaryOp.RELU, sum, out);
    }

    /**
     * {@code out[i] = x[i with axis replaced by index[i]]}. {@code index} and {@code out} share a
     * shape, which along every other axis is at most {@code x}'s; index values are in range.
     */
    void gather(Strided x, int axis, Strided index, Strided out);

    /**
     * The adjoint of {@link #gather}: {@code out[i with axis replaced by index[i]] += src[i]},
     * accumulating in place. {@code src} and {@code index} share a shape.
     */
    void scatterAdd(Strided src, int axis, Strided index, Strided out);

    // ---- window, normalization and convolution kernels (optional) ----

    /**
     * Unfolds the windows of {@code x [N, C, H, W]} into {@code out [N, C, KH, KW, OH, OW]}:
     * {@code out[n,c,kh,kw,oh,ow] = x[n, c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW]}, and 0 where that
     * position lies in the padding.
     */
    default void im2col(Strided x, Window2d window, Strided out) {
        WindowDefaults.im2col(this, x, window, out);
    }

    /**
     * The adjoint of {@link #im2col}: adds every element of {@code cols [N, C, KH, KW, OH, OW]} into
     * the position of {@code out [N, C, H, W]} it was read from (padding positions are dropped),
     * accumulating onto what {@code out} already holds.
     */
    default void col2im(Strided cols, Window2d window, Strided out) {
        WindowDefaults.col2im(this, cols, window, out);
    }

    /**
     * Max pooling of {@code x [N, C, H, W]} into {@code out [N, C, OH, OW]}; padding never wins.
     * {@code argmax [N, C, OH, OW]} receives the tap {@code kh*KW + kw} of each maximum, as a value
     * of its dtype: the first on ties, and a NaN counts as the maximum (as PyTorch).
     */
    default void maxPool2d(Strided x, Window2d window, Strided out, Strided argmax) {
        WindowDefaults.maxPool2d(this, x, window, out, argmax);
    }

    /**
     * The gradient of {@link #maxPool2d} with respect to its input: adds every element of
     * {@code grad [N, C, OH, OW]} into {@code gradIn [N, C, H, W]} at the input position of its
     * window's tap in {@code argmax [N, C, OH, OW]} (as {@link #maxPool2d} wrote it), accumulating
     * onto what {@code gradIn} already holds, as {@link #col2im} does; a tap in the padding is
     * dropped.
     */
    default void maxPool2dBackward(Strided grad, Strided argmax, Window2d window, Strided gradIn) {
        WindowDefaults.maxPool2dBackward(this, grad, argmax, window, gradIn);
    }

    /**
     * Average pooling of {@code x [N, C, H, W]} into {@code out [N, C, OH, OW]} with dilation 1,
     * divided as PyTorch does (see {@link WindowDefaults#poolDivisors}).
     */
    default void avgPool2d(Strided x, Window2d window, boolean countIncludePad, Strided out) {
        WindowDefaults.avgPool2d(this, x, window, countIncludePad, out);
    }

    /**
     * Batch normalization in training mode of {@code x [N, C, ...]} over every axis but 1: writes
     * the batch's {@code mean [C]}, its biased variance {@code var [C]} (divided by the count), and
     * {@code out} (x's shape) {@code = (x - mean) / sqrt(var + eps) * weight + bias}, with
     * {@code weight} and {@code bias} {@code [C]} or null for 1 and 0. All three are overwritten.
     */
    default void batchNorm(Strided x, Strided weight, Strided bias, double eps, Strided out, Strided mean,
                           Strided var) {
        BatchNormDefaults.batchNorm(this, x, weight, bias, eps, out, mean, var);
    }

    /**
     * The gradients of {@link #batchNorm} from {@code gradOut} (x's shape), {@code x}, and the
     * {@code mean} and {@code var} it wrote ({@code weight} null standing for 1): {@code gradIn}
     * (x's shape), {@code gradWeight} and {@code gradBias} ({@code [C]}), each overwritten, or null
     * when not wanted.
     */
    default void batchNormBackward(Strided gradOut, Strided x, Strided mean, Strided var, Strided weight, double eps,
                                   Strided gradIn, Strided gradWeight, Strided gradBias) {
        BatchNormDefaults.batchNormBackward(this, gradOut, x, mean, var, weight, eps, gradIn, gradWeight, gradBias);
    }

    /**
     * 2-D convolution (a cross-correlation, as PyTorch's) of {@code x [N, C, H, W]} with
     * {@code weight [O, C / groups, KH, KW]} into {@code out [N, O, OH, OW]}, overwritten:
     * {@code out[n, o, oh, ow] = bias[o] + sum over c, kh, kw of weight[o, c, kh, kw] *
     * x[n, g * C / groups + c, oh*sH - pH + kh*dH, ow*sW - pW + kw*dW]} with
     * {@code g = o / (O / groups)}, the terms reading the padding left out; {@code bias [O]} may be
     * null for none.
     */
    default void conv2d(Strided x, Strided weight, Strided bias, Window2d window, int groups, Strided out) {
        ConvDefaults.conv2d(this, x, weight, bias, window, groups, out);
    }

    /**
     * The gradient of {@link #conv2d} with respect to its input: {@code gradIn [N, C, H, W]}
     * (overwritten) from {@code gradOut [N, O, OH, OW]} and {@code weight [O, C / groups, KH, KW]}.
     */
    default void conv2dBackwardInput(Strided gradOut, Strided weight, Window2d window, int groups, Strided gradIn) {
        ConvDefaults.conv2dBackwardInput(this, gradOut, weight, window, groups, gradIn);
    }

    /**
     * The gradients of {@link #conv2d} with respect to its weight and bias: {@code gradWeight
     * [O, C / groups, KH, KW]}, summed over the batch, from {@code x [N, C, H, W]} and
     * {@code gradOut [N, O, OH, OW]}, and {@code gradBias [O]}, {@code gradOut} summed over all but
     * axis 1 (null when not wanted); both overwritten.
     */
    default void conv2dBackwardWeight(Strided x, Strided gradOut, Window2d window, int groups, Strided gradWeight,
                                      Strided gradBias) {
        ConvDefaults.conv2dBackwardWeight(this, x, gradOut, window, groups, gradWeight, gradBias);
    }

    /**
     * One step of SGD on a parameter in one pass, in the order of operations of PyTorch's SGD and
     * of {@code dev.nabla.optim.SGD.update}: each {@code x + s * y} rounded once as in
     * {@link #addScaled}, the product by the momentum as {@link BinaryOp#MUL} by a scalar,
     * <pre>
     * d = weightDecay == 0 ? grad : grad + weightDecay * param
     * if momentum != 0:
     *     newBuffer = buffer == null ? d : buffer * momentum + (1 - dampening) * d
     *     d = nesterov ? d + momentum * newBuffer : newBuffer
     * param = param + (-lr) * d
     * </pre>
     * {@code param} is read and written in place, each element read before it is written;
     * {@code buffer} (null at the first step, and without momentum) is only read; {@code newBuffer}
     * (null without momentum) is overwritten. All operands have the parameter's shape.
     */
    default void sgdStep(Strided param, Strided grad, Strided buffer, Strided newBuffer, SgdStep step) {
        OptimizerDefaults.sgdStep(this, param, grad, buffer, newBuffer, step);
    }

    /**
     * One step of Adam or AdamW on a parameter in one pass, in the order of operations of
     * PyTorch's and of {@code dev.nabla.optim.Adam.update} and {@code AdamW.update}: each
     * {@code x + s * y} rounded once as in {@link #addScaled}, every other operation rounded on its
     * own, scalars rounded to the operands' dtype first,
     * <pre>
     * if decoupled:  param = param * (1 - lr * weightDecay)
     * g = decoupled || weightDecay == 0 ? grad : grad + weightDecay * param
     * newExpAvg   = expAvg * beta1 + (1 - beta1) * g
     * newExpAvgSq = expAvgSq * beta2 + (g * (1 - beta2)) * g
     * if amsgrad:    newMaxExpAvgSq = maxExpAvgSq == null ? newExpAvgSq : max(maxExpAvgSq, newExpAvgSq)
     * denom = sqrt(amsgrad ? newMaxExpAvgSq : newExpAvgSq) / secondMomentCorrection + eps
     * param = param + (-stepSize) * (newExpAvg / denom)
     * </pre>
     * with {@link AdamStep#stepSize} and {@link AdamStep#secondMomentCorrection}. {@code param} is
     * read and written in place, each element read before it is written; the moments are only
     * read and the new moments overwritten ({@code maxExpAvgSq} may be null, and both it and
     * {@code newMaxExpAvgSq} are null without AMSGrad). All operands have the parameter's shape.
     */
    default void adamStep(Strided param, Strided grad, Strided expAvg, Strided expAvgSq, Strided maxExpAvgSq,
                          Strided newExpAvg, Strided newExpAvgSq, Strided newMaxExpAvgSq, AdamStep step) {
        OptimizerDefaults.adamStep(this, param, grad, expAvg, expAvgSq, maxExpAvgSq, newExpAvg, newExpAvgSq,
                newMaxExpAvgSq, step);
    }

    /**
     * One step of Adagrad on a parameter in one pass, in the order of operations of PyTorch's and
     * of {@code dev.nabla.optim.Adagrad.update}, rounding as {@link #adamStep} does,
     * <pre>
     * g = weightDecay == 0 ? grad : grad + weightDecay * param
     * newSum = sum + g * g
     * param = param + (-decayedLr) * (g / (sqrt(newSum) + eps))
     * </pre>
     * with {@link AdagradStep#decayedLr}. {@code param} is read and written in place, {@code sum}
     * only read, {@code newSum} overwritten; all have the parameter's shape.
     */
    default void adagradStep(Strided param, Strided grad, Strided sum, Strided newSum, AdagradStep step) {
        OptimizerDefaults.adagradStep(this, param, grad, sum, newSum, step);
    }

    /**
     * One step of RMSprop on a parameter in one pass, in the order of operations of PyTorch's and
     * of {@code dev.nabla.optim.RMSprop.update}, rounding as {@link #adamStep} does,
     * <pre>
     * g = weightDecay == 0 ? grad : grad + weightDecay * param
     * newSquareAvg = squareAvg * alpha + (g * (1 - alpha)) * g
     * if centered:  newGradAvg = gradAvg * alpha + (1 - alpha) * g
     * avg = sqrt(centered ? newSquareAvg + (-newGradAvg) * newGradAvg : newSquareAvg) + eps
     * if momentum:  newBuffer = buffer * momentum + g / avg,   param = param + (-lr) * newBuffer
     * else:         param = param + (-lr) * (g / avg)
     * </pre>
     * {@code param} is read and written in place; the averages and the buffer are only read and
     * the new ones overwritten. {@code gradAvg} and {@code newGradAvg} are null unless centered,
     * {@code buffer} and {@code newBuffer} null without momentum ({@link RmspropStep#hasMomentum});
     * all operands have the parameter's shape.
     */
    default void rmspropStep(Strided param, Strided grad, Strided squareAvg, Strided gradAvg, Strided buffer,
                             Strided newSquareAvg, Strided newGradAvg, Strided newBuffer, RmspropStep step) {
        OptimizerDefaults.rmspropStep(this, param, grad, squareAvg, gradAvg, buffer, newSquareAvg, newGradAvg,
                newBuffer, step);
    }
}
