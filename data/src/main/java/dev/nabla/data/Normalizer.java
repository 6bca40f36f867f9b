package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import dev.nabla.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps features to {@code (x - shift) / scale}, with statistics either given (rescale, known
 * mean and std) or fitted on a training set (standardize, min-max), and applied to samples or
 * batches by a {@link DataLoader}:
 *
 * <pre>{@code
 * Normalizer norm = Normalizer.fitStandardize(split.train(), Normalizer.Scope.PER_CHANNEL);
 * norm.save(Path.of("model.norm.safetensors"));          // travels with the model
 * DataLoader loader = DataLoader.builder(split.train()).batchSize(64)
 *         .batchTransform(norm.batchTransform()).build();
 * }</pre>
 *
 * <p>The statistics are kept per {@link Scope}: one pair for all values, one per channel (axis 0
 * of a sample {@code [C, H, W]}), or one per feature (every element of a sample). A statistic
 * that would divide by zero (a constant feature: zero std, or max equal to min) gets scale 1, as
 * scikit-learn's scalers do, so such features are shifted but never become NaN. Immutable and
 * thread-safe.
 */
public final class Normalizer {
    /** The {@code format} metadata value of a saved normalizer. */
    public static final String FORMAT = "nabla.normalizer";

    /** Which values share one (shift, scale) pair. */
    public enum Scope {
        /** One pair for every value; the statistics have shape {@code []}. */
        GLOBAL,
        /** One pair per channel, axis 0 of a sample; statistics {@code [C]}. */
        PER_CHANNEL,
        /** One pair per element of a sample; statistics have the sample's shape. */
        PER_FEATURE
    }

    /** How the statistics were obtained (recorded in a saved file). */
    public enum Kind {
        /** {@code x * factor}: shift 0, scale {@code 1 / factor}. */
        RESCALE,
        /** {@code (x - mean) / std}, population std (divisor n). */
        STANDARDIZE,
        /** {@code (x - min) / (max - min)}, into {@code [0, 1]} on the data fitted. */
        MIN_MAX
    }

    private final Kind kind;
    private final Scope scope;
    private final Shape statsShape;
    private final float[] shift;
    private final float[] scale;

    private Normalizer(Kind kind, Scope scope, Shape statsShape, float[] shift, float[] scale) {
        this.kind = kind;
        this.scope = scope;
        this.statsShape = statsShape;
        this.shift = shift;
        this.scale = scale;
    }

    /**
     * Multiplies every value by {@code factor}, e.g. {@code 1 / 255.0} for pixels (Keras's {@code rescale}).
     *
     * @throws IllegalArgumentException if {@code factor} is zero or not finite
     */
    public static Normalizer rescale(double factor) {
        if (!Double.isFinite(factor) || factor == 0) {
            throw new IllegalArgumentException("normalizer.rescale: factor must be finite and non-zero, got " + factor);
        }
        return new Normalizer(Kind.RESCALE, Scope.GLOBAL, Shape.scalar(), new float[] {0},
                new float[] {(float) (1 / factor)});
    }

    /**
     * Standardizes with known per-channel statistics, like torchvision's {@code Normalize}, e.g.
     * {@code standardize(new double[] {0.1307}, new double[] {0.3081})} for MNIST scaled to [0, 1].
     *
     * @param mean one value per channel
     * @param std  one positive value per channel
     * @throws IllegalArgumentException if the lengths differ or a std is not positive and finite
     */
    public static Normalizer standardize(double[] mean, double[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalizer.standardize: mean " + Arrays.toString(mean) + " and std "
                    + Arrays.toString(std) + " need the same non-zero length, one value per channel");
        }
        float[] shift = new float[mean.length];
        float[] scale = new float[mean.length];
        for (int c = 0; c < mean.length; c++) {
            if (!(std[c] > 0) || !Double.isFinite(std[c]) || !Double.isFinite(mean[c])) {
                throw new IllegalArgumentException("normalizer.standardize: channel " + c + " has mean " + mean[c]
                        + " and std " + std[c] + "; the mean must be finite and the std positive and finite");
            }
            shift[c] = (float) mean[c];
            scale[c] = (float) std[c];
        }
        return new Normalizer(Kind.STANDARDIZE, Scope.PER_CHANNEL, Shape.of(mean.length), shift, scale);
    }

    /**
     * Fits mean and population std on {@code train} (every sample is read once).
     *
     * @throws IllegalArgumentException if the dataset is empty, its samples differ in shape, or a value is not finite
     */
    public static Normalizer fitStandardize(Dataset train, Scope scope) {
        FittedStatistics stats = FittedStatistics.of(train, scope, "normalizer.fitStandardize");
        return new Normalizer(Kind.STANDARDIZE, scope, stats.shape(), stats.mean(), stats.std());
    }

    /**
     * Fits min and max on {@code train}, so that its values map into {@code [0, 1]}.
     *
     * @throws IllegalArgumentException as {@link #fitStandardize}
     */
    public static Normalizer fitMinMax(Dataset train, Scope scope) {
        FittedStatistics stats = FittedStatistics.of(train, scope, "normalizer.fitMinMax");
        return new Normalizer(Kind.MIN_MAX, scope, stats.shape(), stats.min(), stats.range());
    }

    /**
     * Reads a normalizer written by {@link #save}.
     *
     * @throws DatasetFormatException naming the file if it is not a saved normalizer
     */
    public static Normalizer load(Path file) throws IOException {
        SafetensorsFile f = Safetensors.read(file);
        Map<String, String> meta = f.metadata();
        if (!FORMAT.equals(meta.get("format")) || f.tensors().get("shift") == null || f.tensors().get("scale") == null) {
            throw new DatasetFormatException(file + ": not a saved normalizer (metadata format=" + meta.get("format")
                    + ", tensors " + f.tensors().keySet() + "; expected format=" + FORMAT + " with shift and scale)");
        }
        SafetensorsEntry shift = f.tensors().get("shift");
        SafetensorsEntry scale = f.tensors().get("scale");
        if (!shift.shape().equals(scale.shape())) {
            throw new DatasetFormatException(file + ": shift " + shift.shape() + " and scale " + scale.shape()
                    + " must have the same shape");
        }
        try {
            return new Normalizer(Kind.valueOf(meta.get("kind")), Scope.valueOf(meta.get("scope")), shift.shape(),
                    shift.toFloatArray(), scale.toFloatArray());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DatasetFormatException(file + ": metadata kind=" + meta.get("kind") + ", scope="
                    + meta.get("scope") + " is not one of " + List.of(Kind.values()) + " / " + List.of(Scope.values()));
        }
    }

    /**
     * Writes the statistics atomically as a safetensors file: F32 tensors {@code shift} and
     * {@code scale} (shape {@code []}, {@code [C]} or the sample shape) and metadata {@code format},
     * {@code kind}, {@code scope}. PyTorch's {@code safetensors.torch.load_file} reads it too.
     */
    public void save(Path file) throws IOException {
        Map<String, SafetensorsEntry> tensors = new LinkedHashMap<>();
        tensors.put("shift", SafetensorsEntry.of(statsShape, shift));
        tensors.put("scale", SafetensorsEntry.of(statsShape, scale));
        Safetensors.write(file, tensors, Map.of("format", FORMAT, "kind", kind.name(), "scope", scope.name()));
    }

    /**
     * The features of one sample, normalized: a new tensor, same shape and device.
     *
     * @param features {@code [C, H, W]} or {@code [F]}, matching the statistics' scope
     * @throws IllegalArgumentException if the shape does not match the statistics
     */
    public Tensor normalizeSample(Tensor features) {
        return apply(features, 0, "normalizer.normalizeSample");
    }

    /**
     * A batch's features, normalized sample by sample: a new tensor, same shape and device.
     *
     * @param features {@code [N, C, H, W]} or {@code [N, F]}
     * @throws IllegalArgumentException if a sample's shape does not match the statistics
     */
    public Tensor normalizeBatch(Tensor features) {
        return apply(features, 1, "normalizer.normalizeBatch");
    }

    /** This normalizer as a per-sample transform (for a {@link DataLoader}). */
    public SampleTransform sampleTransform() {
        return (sample, rng) -> sample.withFeatures(normalizeSample(sample.features()));
    }

    /** This normalizer as a per-batch transform (for a {@link DataLoader}); the cheaper choice. */
    public BatchTransform batchTransform() {
        return (batch, rng) -> batch.withFeatures(normalizeBatch(batch.features()));
    }

    /** How the statistics were obtained. */
    public Kind kind() {
        return kind;
    }

    /** Which values share a statistic. */
    public Scope scope() {
        return scope;
    }

    /** The shifts (e.g. means), shape {@code []}, {@code [C]} or the sample shape, F32 on the default device. */
    public Tensor shift() {
        return Tensor.fromArray(shift.clone(), statsShape.dims());
    }

    /** The scales (e.g. stds), same shape as {@link #shift()}. */
    public Tensor scale() {
        return Tensor.fromArray(scale.clone(), statsShape.dims());
    }

    /** For example {@code Normalizer(STANDARDIZE, PER_CHANNEL, shift=[33.3], scale=[78.6])}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Normalizer(%s, %s, shift=%s, scale=%s)", kind, scope,
                Arrays.toString(shift), Arrays.toString(scale));
    }

    /** Normalizes {@code x}, whose axes from {@code sampleAxis} on are one sample. */
    private Tensor apply(Tensor x, int sampleAxis, String op) {
        int[] dims = x.shape().dims();
        if (dims.length <= sampleAxis) {
            throw new IllegalArgumentException(op + ": features " + x.shape() + " have no sample axes; expected "
                    + (sampleAxis == 0 ? "[C, H, W] or [F]" : "[N, C, H, W] or [N, F]"));
        }
        Shape sample = Shape.of(Arrays.copyOfRange(dims, sampleAxis, dims.length));
        int perStat = statWidth(sample, x.shape(), op);
        float[] v = x.toFloatArray();
        int i = 0;
        while (i < v.length) {
            for (int stat = 0; stat < shift.length; stat++) {
                float sh = shift[stat];
                float sc = scale[stat];
                for (int end = i + perStat; i < end; i++) {
                    v[i] = (v[i] - sh) / sc;
                }
            }
        }
        return Tensor.fromArray(v, x.shape(), x.device());
    }

    /** How many consecutive values of a sample share one statistic. */
    private int statWidth(Shape sample, Shape full, String op) {
        switch (scope) {
            case GLOBAL:
                return Math.max(sample.numel(), 1);
            case PER_CHANNEL:
                if (sample.rank() == 0 || sample.dim(0) != shift.length) {
                    throw new IllegalArgumentException(op + ": features " + full + " have "
                            + (sample.rank() == 0 ? 0 : sample.dim(0)) + " channels (axis 0 of a sample) but the statistics have " + shift.length
                            + "; normalize data shaped like the data the statistics came from");
                }
                return sample.numel() / shift.length;
            default:
                if (!sample.equals(statsShape)) {
                    throw new IllegalArgumentException(op + ": samples " + sample + " (of features " + full
                            + ") do not match the per-feature statistics " + statsShape
                            + "; normalize data shaped like the data the statistics came from");
                }
                return 1;
        }
    }
}
