package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Layer normalisation over the trailing axes, as PyTorch's {@code LayerNorm}: for an input
 * {@code [*, normalizedShape...]}, {@code y = (x - mean) / sqrt(var + eps) * weight + bias} with
 * mean and biased variance over the normalised axes of each sample; output of the input's shape.
 * The same in training and evaluation mode. With {@code elementwiseAffine}, {@code weight}
 * (init 1) and {@code bias} (init 0) have the normalised shape.
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    /** eps 1e-5, with weight and bias; F32 on the default device. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, DType.F32, Backends.defaultDevice());
    }

    /**
     * @param normalizedShape the sizes of the trailing axes to normalise over (at least one)
     * @throws IllegalArgumentException if the shape is empty or has a non-positive size, or eps is
     *                                  negative
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, DType dtype, Device device) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalizedShape must be one or more positive sizes, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be finite and >= 0, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        Shape shape = Shape.of(normalizedShape);
        this.weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(shape, dtype, device)) : null;
        this.bias = elementwiseAffine ? registerParameter("bias", Tensor.zeros(shape, dtype, device)) : null;
    }

    @Override
    protected Tensor forward(Tensor x) {
        int k = normalizedShape.length;
        boolean fits = x.rank() >= k;
        for (int i = 0; fits && i < k; i++) {
            fits = x.dim(x.rank() - k + i) == normalizedShape[i];
        }
        if (!fits) {
            throw new IllegalArgumentException("layerNorm: input of shape " + x.shape()
                    + " does not end in the normalized shape " + Shape.of(normalizedShape) + "; expected [*, "
                    + Arrays.toString(normalizedShape).substring(1));
        }
        int[] axes = IntStream.range(x.rank() - k, x.rank()).toArray();
        Tensor y = x.sub(x.mean(axes, true)).div(x.var(axes, 0, true).add(eps).sqrt());
        return weight == null ? y : y.mul(weight).add(bias);
    }

    /** The trailing sizes normalised over. */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** The scale, of the normalised shape, or null without elementwise affine. */
    public Tensor weight() {
        return weight;
    }

    /** The shift, of the normalised shape, or null without elementwise affine. */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.number(eps) + ", elementwise_affine="
                + Repr.bool(weight != null);
    }
}
