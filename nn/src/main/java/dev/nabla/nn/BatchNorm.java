package dev.nabla.nn;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.BatchNormalize;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import java.util.Set;

/**
 * Batch normalisation over the channel axis 1 of an input {@code [N, C, ...]}, as PyTorch's
 * {@code _BatchNorm}: {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, with mean and
 * variance per channel over every other axis. {@link BatchNorm1d} and {@link BatchNorm2d} differ
 * only in the ranks they accept.
 *
 * <p>In training mode (or without running statistics) the statistics are the batch's, the
 * variance biased (divided by n). In training mode with running statistics, each forward pass
 * also updates, outside the graph, {@code running_mean = (1 - f) running_mean + f mean} and
 * {@code running_var = (1 - f) running_var + f var_unbiased} (divided by n - 1), with
 * {@code f = momentum}, or {@code f = 1 / num_batches_tracked} (a cumulative average) when
 * momentum is null, PyTorch's {@code momentum=None}. In evaluation mode the running statistics
 * are used.
 *
 * <p>State dict keys, as PyTorch's: {@code weight}, {@code bias} ({@code [C]}, with
 * {@code affine}), {@code running_mean}, {@code running_var} ({@code [C]}) and
 * {@code num_batches_tracked} (rank 0), with {@code trackRunningStats}. PyTorch keeps
 * {@code num_batches_tracked} as int64; Nabla has only F32 and F64, so it is a tensor of the
 * module's dtype holding an integer count (exact up to 2^24 batches in F32), registered as an
 * integer buffer so that {@link #save} stores it as I64, as torch does.
 */
public abstract sealed class BatchNorm extends Module permits BatchNorm1d, BatchNorm2d {
    /** The buffer holding the number of training batches seen: an integer count, int64 in PyTorch. */
    public static final String NUM_BATCHES_TRACKED = "num_batches_tracked";
    static final double DEFAULT_EPS = 1e-5;
    static final Double DEFAULT_MOMENTUM = 0.1;

    private final String expectedShape;
    private final Set<Integer> ranks;
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    /**
     * @param expectedShape the accepted input shapes, for error messages, e.g. {@code [N, C, H, W]}
     * @param ranks         the accepted input ranks
     */
    BatchNorm(String expectedShape, Set<Integer> ranks, int numFeatures, double eps, Double momentum, boolean affine,
              boolean trackRunningStats, DType dtype, Device device) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(typeName() + ": numFeatures must be positive, got " + numFeatures);
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(typeName() + ": eps must be finite and >= 0, got " + eps);
        }
        if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(typeName() + ": momentum must be in [0, 1] (or null for a cumulative"
                    + " average), got " + momentum);
        }
        this.expectedShape = expectedShape;
        this.ranks = ranks;
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        Shape channels = Shape.of(numFeatures);
        this.weight = affine ? registerParameter("weight", Tensor.ones(channels, dtype, device)) : null;
        this.bias = affine ? registerParameter("bias", Tensor.zeros(channels, dtype, device)) : null;
        this.runningMean = trackRunningStats ? registerBuffer("running_mean", Tensor.zeros(channels, dtype, device))
                : null;
        this.runningVar = trackRunningStats ? registerBuffer("running_var", Tensor.ones(channels, dtype, device))
                : null;
        this.numBatchesTracked = trackRunningStats
                ? registerIntegerBuffer(NUM_BATCHES_TRACKED, Tensor.zeros(Shape.scalar(), dtype, device)) : null;
    }

    @Override
    protected final Tensor forward(Tensor x) {
        boolean rankFits = ranks.contains(x.rank());
        if (!rankFits || x.dim(1) != numFeatures) {
            throw new IllegalArgumentException("batchNorm: input of shape " + x.shape() + " does not fit "
                    + expectedShape + " with C=" + numFeatures
                    + (rankFits ? ": its axis 1 has " + x.dim(1) + " channels" : ": wrong rank " + x.rank()));
        }
        if (isTraining() || runningMean == null) {
            int perChannel = x.numel() / numFeatures;
            if (perChannel <= 1) {
                throw new IllegalArgumentException("batchNorm: expected more than 1 value per channel when training,"
                        + " got input of shape " + x.shape()
                        + "; use a larger batch, or eval() to normalise with the running statistics");
            }
            BatchNormalize.Result r = BatchNormalize.apply(x, weight, bias, eps);
            if (isTraining() && runningMean != null) {
                updateRunningStats(r.mean(), r.var(), perChannel);
            }
            return r.out();
        }
        Tensor y = x.sub(perChannel(runningMean, x.rank())).div(perChannel(runningVar, x.rank()).add(eps).sqrt());
        return weight == null ? y : y.mul(perChannel(weight, x.rank())).add(perChannel(bias, x.rank()));
    }

    /** A {@code [C]} tensor shaped {@code [1, C, 1, ...]} to broadcast against an input of {@code rank}. */
    private Tensor perChannel(Tensor t, int rank) {
        int[] dims = new int[rank];
        Arrays.fill(dims, 1);
        dims[1] = numFeatures;
        return t.reshape(dims);
    }

    private void updateRunningStats(Tensor mean, Tensor biasedVar, int n) {
        try (GradMode.Scope s = GradMode.disable()) {
            numBatchesTracked.copyFrom(numBatchesTracked.add(1));
            double f = momentum != null ? momentum : 1 / numBatchesTracked.item();
            Tensor unbiasedVar = biasedVar.mul((double) n / (n - 1));
            runningMean.copyFrom(runningMean.mul(1 - f).add(mean.mul(f)));
            runningVar.copyFrom(runningVar.mul(1 - f).add(unbiasedVar.mul(f)));
        }
    }

    /** The number of channels C. */
    public final int numFeatures() {
        return numFeatures;
    }

    /** The constant added to the variance before its square root. */
    public final double eps() {
        return eps;
    }

    /** The running-average factor, or null for a cumulative average. */
    public final Double momentum() {
        return momentum;
    }

    /** The {@code [C]} scale, or null without {@code affine}. */
    public final Tensor weight() {
        return weight;
    }

    /** The {@code [C]} shift, or null without {@code affine}. */
    public final Tensor bias() {
        return bias;
    }

    /** The {@code [C]} running mean, or null without running statistics. */
    public final Tensor runningMean() {
        return runningMean;
    }

    /** The {@code [C]} running unbiased variance, or null without running statistics. */
    public final Tensor runningVar() {
        return runningVar;
    }

    /** The rank-0 count of training batches seen, or null without running statistics. */
    public final Tensor numBatchesTracked() {
        return numBatchesTracked;
    }

    @Override
    protected final String extraRepr() {
        return numFeatures + ", eps=" + Repr.number(eps) + ", momentum=" + Repr.number(momentum)
                + ", affine=" + Repr.bool(weight != null) + ", track_running_stats=" + Repr.bool(runningMean != null);
    }
}
