package dev.nabla.nn;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.random.Rng;

/**
 * Inverted dropout, as PyTorch's {@code Dropout}: in training mode each element of the input
 * (any shape) is zeroed with probability p and the others are scaled by {@code 1 / (1 - p)}, so
 * the expected value is unchanged; in evaluation mode it returns the input itself. The mask is
 * drawn from the layer's {@link Rng} with {@link Tensor#bernoulli}, on the input's device and
 * dtype.
 */
public final class Dropout extends Module {
    private final double p;
    private final Rng rng;

    /** p = 0.5, drawing from the global generator. */
    public Dropout() {
        this(0.5);
    }

    /** Drawing from the global generator ({@link Rng#global()}). */
    public Dropout(double p) {
        this(p, Rng.global());
    }

    /**
     * @param p   the probability of zeroing an element, in [0, 1]
     * @param rng the generator of the masks
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: p must be a probability in [0, 1], got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    protected Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0.0);
        }
        Tensor keep = Tensor.bernoulli(rng, 1 - p, x.shape(), x.dtype(), x.device());
        return x.mul(keep.mul(1 / (1 - p)));
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.number(p) + ", inplace=False";
    }
}
