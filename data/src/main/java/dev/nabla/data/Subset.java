package dev.nabla.data;

import dev.nabla.tensor.Shape;
import java.util.List;

/**
 * The samples of another dataset at chosen indices: sample {@code k} of the subset is sample
 * {@code indices[k]} of the base. Nothing is copied; class names are the base's.
 */
public final class Subset implements Dataset {
    private final Dataset base;
    private final int[] indices;

    /**
     * @param base    the dataset to draw from
     * @param indices positions in {@code base}, each in {@code [0, base.size())}; copied; repeats allowed
     * @throws IndexOutOfBoundsException naming the first index out of range
     */
    public Subset(Dataset base, int[] indices) {
        this.base = base;
        this.indices = indices.clone();
        for (int i = 0; i < this.indices.length; i++) {
            if (this.indices[i] < 0 || this.indices[i] >= base.size()) {
                throw new IndexOutOfBoundsException("subset: indices[" + i + "] = " + this.indices[i]
                        + " is out of range for a dataset of " + base.size() + " samples");
            }
        }
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Sample get(int index) {
        return base.get(indices[Indices.check("subset.get", index, indices.length)]);
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public Shape fixedSampleShape() {
        return base.fixedSampleShape();
    }

    @Override
    public double readInto(int index, float[] dst, int offset) {
        return base.readInto(indices[Indices.check("subset.readInto", index, indices.length)], dst, offset);
    }

    /** The position in the base dataset of this subset's sample {@code index}. */
    public int baseIndex(int index) {
        return indices[Indices.check("subset.baseIndex", index, indices.length)];
    }
}
