package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Arrays;

/**
 * Makes one batch of one epoch: reads its samples, transforms each, stacks them and applies the
 * batch transform. Depends only on (epoch, batch number, order), never on which thread runs it.
 */
final class BatchMaker {
    private final Dataset dataset;
    private final int batchSize;
    private final long seed;
    private final SampleTransform sampleTransform;
    private final BatchTransform batchTransform;
    private final Device device;

    /** @param sampleTransform null for none; @param batchTransform null for none */
    BatchMaker(Dataset dataset, int batchSize, long seed, SampleTransform sampleTransform,
            BatchTransform batchTransform, Device device) {
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.sampleTransform = sampleTransform;
        this.batchTransform = batchTransform;
        this.device = device;
    }

    /**
     * Batch {@code batch} of {@code epoch}: the samples at {@code order[batch * batchSize ...]}.
     *
     * @throws DataLoaderException naming the sample (or the batch) that failed
     */
    Batch make(int epoch, int batch, int[] order) {
        int from = batch * batchSize;
        int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
        Shape fixed = sampleTransform == null ? dataset.fixedSampleShape() : null;
        Batch result = fixed != null ? readDirectly(epoch, batch, indices, fixed) : fromSamples(epoch, batch, indices);
        if (batchTransform == null) {
            return result;
        }
        try {
            return batchTransform.apply(result, DataLoader.batchRng(seed, epoch, batch));
        } catch (RuntimeException e) {
            throw DataLoaderException.forBatch(epoch, batch, e);
        }
    }

    /** Samples of one known shape, untransformed: read straight into the batch's array. */
    private Batch readDirectly(int epoch, int batch, int[] indices, Shape sampleShape) {
        int n = indices.length;
        int size = sampleShape.numel();
        float[] features = new float[Math.multiplyExact(n, size)];
        float[] labels = new float[n];
        for (int k = 0; k < n; k++) {
            try {
                labels[k] = (float) dataset.readInto(indices[k], features, k * size);
            } catch (RuntimeException e) {
                throw DataLoaderException.forSample(epoch, batch, indices[k], e);
            }
        }
        return batch(features, labels, sampleShape, indices);
    }

    /** Samples made one by one ({@link Dataset#get}, then the sample transform), of one shape. */
    private Batch fromSamples(int epoch, int batch, int[] indices) {
        int n = indices.length;
        float[] labels = new float[n];
        float[] features = null;
        Shape sampleShape = null;
        for (int k = 0; k < n; k++) {
            Sample s = sample(epoch, batch, indices[k]);
            Shape shape = s.features().shape();
            if (sampleShape == null) {
                sampleShape = shape;
                features = new float[Math.multiplyExact(n, shape.numel())];
            } else if (!shape.equals(sampleShape)) {
                throw DataLoaderException.forSample(epoch, batch, indices[k], new IllegalArgumentException(
                        "dataLoader: sample " + indices[k] + " has features " + shape + " but sample " + indices[0]
                                + ", the first of its batch, has " + sampleShape
                                + "; every sample of a batch needs the same shape (resize images to one target size)"));
            }
            System.arraycopy(s.features().toFloatArray(), 0, features, k * shape.numel(), shape.numel());
            labels[k] = (float) s.label();
        }
        return batch(features, labels, sampleShape, indices);
    }

    private Batch batch(float[] features, float[] labels, Shape sampleShape, int[] indices) {
        return new Batch(Tensor.fromArray(features, batchShape(indices.length, sampleShape), device),
                Tensor.fromArray(labels, Shape.of(indices.length), device), indices);
    }

    private Sample sample(int epoch, int batch, int index) {
        try {
            Sample s = dataset.get(index);
            return sampleTransform == null ? s : sampleTransform.apply(s, DataLoader.sampleRng(seed, epoch, index));
        } catch (RuntimeException e) {
            throw DataLoaderException.forSample(epoch, batch, index, e);
        }
    }

    private static Shape batchShape(int n, Shape sampleShape) {
        int[] dims = new int[sampleShape.rank() + 1];
        dims[0] = n;
        System.arraycopy(sampleShape.dims(), 0, dims, 1, sampleShape.rank());
        return Shape.of(dims);
    }
}
