package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dataset held in memory as one flat array of features and one of labels: what the MNIST,
 * CIFAR-10, CSV and digits readers return. Pixel data is kept as unsigned bytes (a quarter of the
 * memory of floats) and widened to F32 when a sample is taken. Immutable, so safe for
 * {@link DataLoader} workers.
 */
public final class ArrayDataset implements Dataset {
    private final float[] floats;
    private final byte[] bytes;
    private final Shape sampleShape;
    private final float[] labels;
    private final List<String> classNames;
    private final Device device;

    private ArrayDataset(float[] floats, byte[] bytes, Shape sampleShape, float[] labels, List<String> classNames,
            Device device) {
        this.floats = floats;
        this.bytes = bytes;
        this.sampleShape = sampleShape;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.device = device;
        int length = floats != null ? floats.length : bytes.length;
        if ((long) labels.length * sampleShape.numel() != length) {
            throw new IllegalArgumentException("arrayDataset: " + length + " feature values do not make "
                    + labels.length + " samples of " + sampleShape + " (" + sampleShape.numel() + " values each)");
        }
    }

    /**
     * A dataset of the rows of {@code features}: sample {@code i} is {@code features[i]} with label
     * {@code labels[i]}. The values are copied; samples are created on the features' device.
     *
     * @param features   {@code [N, ...]}, rank at least 1
     * @param labels     {@code [N]}
     * @param classNames names of the classes, or an empty list
     * @throws IllegalArgumentException if the shapes disagree
     */
    public static ArrayDataset of(Tensor features, Tensor labels, List<String> classNames) {
        if (features.rank() < 1 || labels.rank() != 1 || features.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("arrayDataset: features " + features.shape() + " and labels "
                    + labels.shape() + " must be [N, ...] and [N] with the same N");
        }
        int[] dims = features.shape().dims();
        Shape sampleShape = Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
        return new ArrayDataset(features.toFloatArray(), null, sampleShape, labels.toFloatArray(), classNames,
                features.device());
    }

    /** {@link #of(Tensor, Tensor, List)} without class names. */
    public static ArrayDataset of(Tensor features, Tensor labels) {
        return of(features, labels, List.of());
    }

    /**
     * A dataset over unsigned bytes (pixels {@code 0..255}), kept as bytes: sample {@code i} is
     * {@code values[i * sampleShape.numel() ...]} widened to F32. The arrays are not copied: do
     * not modify them afterwards.
     *
     * @param values      {@code labels.length * sampleShape.numel()} bytes, read as unsigned
     * @param sampleShape e.g. {@code [1, 28, 28]}
     * @param labels      {@code [N]} class indices or targets
     * @param classNames  names of the classes, or an empty list
     * @param device      where samples are created
     * @throws IllegalArgumentException if the lengths do not match
     */
    public static ArrayDataset ofUnsignedBytes(byte[] values, Shape sampleShape, float[] labels,
            List<String> classNames, Device device) {
        return new ArrayDataset(null, Objects.requireNonNull(values, "values"), sampleShape, labels, classNames,
                device);
    }

    /**
     * A dataset over floats, as {@link #ofUnsignedBytes} but with F32 values; the arrays are not
     * copied: do not modify them afterwards.
     */
    public static ArrayDataset ofFloats(float[] values, Shape sampleShape, float[] labels, List<String> classNames,
            Device device) {
        return new ArrayDataset(Objects.requireNonNull(values, "values"), null, sampleShape, labels, classNames,
                device);
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** Sample {@code index}: features of {@link #sampleShape()}, F32, freshly allocated. */
    @Override
    public Sample get(int index) {
        Indices.check("arrayDataset.get", index, labels.length);
        return new Sample(Tensor.fromArray(values(index), sampleShape, device), labels[index]);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public Shape fixedSampleShape() {
        return sampleShape;
    }

    /** Copies the sample's values straight from this set's array (widening bytes). */
    @Override
    public double readInto(int index, float[] dst, int offset) {
        Indices.check("arrayDataset.readInto", index, labels.length);
        int n = sampleShape.numel();
        if (floats != null) {
            System.arraycopy(floats, index * n, dst, offset, n);
        } else {
            widen(index * n, dst, offset, n);
        }
        return labels[index];
    }

    /** The shape of every sample, e.g. {@code [1, 28, 28]} or {@code [4]}. */
    public Shape sampleShape() {
        return sampleShape;
    }

    /** The label of sample {@code index}, without making the sample. */
    public float label(int index) {
        return labels[Indices.check("arrayDataset.label", index, labels.length)];
    }

    /** All labels {@code [N]}, F32, on this dataset's device. */
    public Tensor labels() {
        return Tensor.fromArray(labels.clone(), Shape.of(labels.length), device);
    }

    /** All features {@code [N, ...sampleShape]}, F32, on this dataset's device (for data small enough to use whole). */
    public Tensor features() {
        int[] dims = new int[sampleShape.rank() + 1];
        dims[0] = labels.length;
        System.arraycopy(sampleShape.dims(), 0, dims, 1, sampleShape.rank());
        float[] all = floats != null ? floats.clone() : new float[bytes.length];
        if (floats == null) {
            widen(0, all, 0, bytes.length);
        }
        return Tensor.fromArray(all, Shape.of(dims), device);
    }

    private float[] values(int index) {
        float[] out = new float[sampleShape.numel()];
        readInto(index, out, 0);
        return out;
    }

    /** Bytes {@code [from, from + count)} as unsigned values into {@code dst} from {@code offset}. */
    private void widen(int from, float[] dst, int offset, int count) {
        for (int i = 0; i < count; i++) {
            dst[offset + i] = bytes[from + i] & 0xFF;
        }
    }
}
