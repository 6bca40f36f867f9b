package dev.nabla.nn;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;

/**
 * A lookup table, as PyTorch's {@code Embedding}: indices of any shape {@code [*]} give the rows
 * {@code [*, embeddingDim]} of the weight {@code [numEmbeddings, embeddingDim]}, initialised from
 * N(0, 1). Indices are a float tensor of integral values (Nabla's index type), on the weight's
 * device. The row {@code paddingIdx}, when given, starts at zero and receives no gradient.
 */
public final class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Tensor weight;

    /** Without a padding index, F32 on the default device, drawn from the global generator. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Rng.global(), DType.F32, Backends.defaultDevice());
    }

    /**
     * @param paddingIdx the row kept at zero, in [-numEmbeddings, numEmbeddings) (negative counts
     *                   from the end), or null for none
     * @throws IllegalArgumentException if a size is not positive or paddingIdx is out of range
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Rng rng, DType dtype, Device device) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got numEmbeddings=" + numEmbeddings
                    + " embeddingDim=" + embeddingDim);
        }
        if (paddingIdx != null && (paddingIdx < -numEmbeddings || paddingIdx >= numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: paddingIdx " + paddingIdx + " must be in [-" + numEmbeddings
                    + ", " + numEmbeddings + ")");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null || paddingIdx >= 0 ? paddingIdx : Integer.valueOf(paddingIdx + numEmbeddings);
        Tensor w = Tensor.randn(rng, Shape.of(numEmbeddings, embeddingDim), dtype, device);
        if (this.paddingIdx != null) {
            try (GradMode.Scope s = GradMode.disable()) {
                w.narrow(0, this.paddingIdx, 1).copyFrom(Tensor.scalar(0, dtype, device));
            }
        }
        this.weight = registerParameter("weight", w);
    }

    @Override
    protected Tensor forward(Tensor indices) {
        double[] ids = indices.toDoubleArray();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != Math.rint(ids[i]) || ids[i] < 0 || ids[i] >= numEmbeddings) {
                throw new IllegalArgumentException("embedding: index " + ids[i] + " at flat position " + i
                        + " of the input of shape " + indices.shape() + " is not an integer in [0, " + numEmbeddings
                        + "); indices are integral values below numEmbeddings");
            }
        }
        Tensor flat = indices.reshape(-1);
        Tensor rows = weight.indexSelect(0, flat);
        if (paddingIdx != null) {
            // the padding row's values pass through, its gradient does not
            rows = Tensor.where(flat.ne(paddingIdx).unsqueeze(1), rows, rows.detach());
        }
        int[] dims = java.util.Arrays.copyOf(indices.shape().dims(), indices.rank() + 1);
        dims[indices.rank()] = embeddingDim;
        return rows.reshape(dims);
    }

    /** The {@code [numEmbeddings, embeddingDim]} table. */
    public Tensor weight() {
        return weight;
    }

    /** The padding row (made non-negative), or null. */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
