package dev.nabla.nn;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.LinearAlgebra;
import dev.nabla.nn.init.Init;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;

/**
 * {@code y = x W^T + b}: input {@code [..., in]}, output {@code [..., out]}, weight {@code [out, in]},
 * bias {@code [out]}. Initialised as PyTorch does: weight and bias uniform in
 * {@code [-1/sqrt(in), 1/sqrt(in))} (Kaiming-uniform with a = sqrt(5)).
 *
 * <p>When no gradient flows to the weight (inference under {@code GradMode.disable()}, or a
 * frozen weight) the product reads a contiguous copy of {@code W^T}, kept while the weight's
 * {@link Tensor#version() version} is unchanged, rather than transposing {@code W} into the
 * product's packed panels on every call: the same bits, one weight's worth of extra memory. The
 * bias is added by the product itself ({@link Tensor#addmm}), as PyTorch's {@code F.linear} does,
 * with leading axes of the input flattened into rows; in a {@link Sequential}, a ReLU right after
 * the layer is applied by the product too.
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias;
    private volatile TransposedWeight transposed;

    /** {@code W^T} as a contiguous {@code [in, out]} tensor, made from the weight at {@code version}. */
    private record TransposedWeight(int version, Tensor value) {
    }

    /** A layer with bias, F32 on the default device, drawn from the global generator. */
    public Linear(int in, int out) {
        this(in, out, true, Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int in, int out, boolean bias, Rng rng, DType dtype, Device device) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got in=" + in + " out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = registerParameter("weight", Init.fanInUniform(Shape.of(out, in), in, rng, dtype, device));
        this.bias = bias ? registerParameter("bias", Init.fanInUniform(Shape.of(out), in, rng, dtype, device)) : null;
    }

    /** The {@code [out, in]} weight. */
    public Tensor weight() {
        return weight;
    }

    /** The {@code [out]} bias, or null for a layer without one. */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return affine(x, false);
    }

    /**
     * {@code relu(x W^T + b)}: this layer followed by a ReLU, the same bits, with the ReLU applied
     * by the product as it adds the bias ({@link LinearAlgebra#addmmRelu}); for {@link Sequential}.
     */
    Tensor callThenRelu(Tensor x) {
        return call(x, input -> affine(input, true));
    }

    private Tensor affine(Tensor x, boolean relu) {
        if (x.rank() == 0 || x.dim(-1) != in) {
            throw new IllegalArgumentException("linear: input of shape " + x.shape() + " has "
                    + (x.rank() == 0 ? "no feature axis" : x.dim(-1) + " features in its last axis")
                    + ", the layer expects " + in);
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("linear: input of dtype " + x.dtype() + " " + x.shape()
                    + ", the layer's parameters are " + weight.dtype() + "; convert the input with .to(DType."
                    + weight.dtype() + ")");
        }
        boolean weightGrad = GradMode.isEnabled() && weight.requiresGrad();
        Tensor w = weightGrad ? weight.mT() : transposedWeight();
        if (bias == null) {
            Tensor y = x.matmul(w);
            return relu ? y.relu() : y;
        }
        Tensor rows = x.rank() == 2 ? x : x.reshape(x.numel() / in, in);
        Tensor y = relu ? LinearAlgebra.addmmRelu(bias, rows, w) : bias.addmm(rows, w);
        if (x.rank() == 2) {
            return y;
        }
        int[] dims = x.shape().dims();
        dims[dims.length - 1] = out;
        return y.reshape(dims);
    }

    private Tensor transposedWeight() {
        int version = weight.version();
        TransposedWeight t = transposed;
        if (t == null || t.version() != version) {
            t = new TransposedWeight(version, weight.detach().mT().contiguous());
            transposed = t;
        }
        return t.value();
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + in + ", out_features=" + out + ", bias=" + Repr.bool(bias != null);
    }
}
