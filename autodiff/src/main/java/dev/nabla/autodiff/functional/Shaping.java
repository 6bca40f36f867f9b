package dev.nabla.autodiff.functional;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.ops.Cat;
import dev.nabla.autodiff.ops.Expand;
import dev.nabla.autodiff.ops.Flip;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.autodiff.ops.Pad;
import dev.nabla.autodiff.ops.Permute;
import dev.nabla.autodiff.ops.Reshape;
import dev.nabla.autodiff.ops.Slice;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shape changes: argument checking and PyTorch conventions, lowered to the movement primitives. */
public final class Shaping {
    private Shaping() {
    }

    /** Reshape with at most one inferred (-1) size; {@code viewOnly} refuses to copy. */
    public static Tensor reshape(Tensor x, int[] dims, boolean viewOnly) {
        String op = viewOnly ? "view" : "reshape";
        int[] target = dims.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException(op + ": only one size may be -1, got " + Arrays.toString(dims));
                }
                inferred = i;
            } else if (target[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid size " + target[i] + " in " + Arrays.toString(dims));
            } else {
                known *= target[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || x.numel() % known != 0) {
                throw new IllegalArgumentException(op + ": cannot infer the -1 in " + Arrays.toString(dims)
                        + " for " + x.numel() + " elements of shape " + x.shape());
            }
            target[inferred] = (int) (x.numel() / known);
        }
        Shape shape = Shape.of(target);
        if (shape.equals(x.shape())) {
            return x;
        }
        if (shape.numel() != x.numel()) {
            throw new IllegalArgumentException(op + ": cannot reshape " + x.shape() + " (" + x.numel()
                    + " elements) to " + shape + " (" + shape.numel() + " elements)");
        }
        return Reshape.apply(x, shape, viewOnly);
    }

    public static Tensor permute(Tensor x, int[] order) {
        return Permute.apply(x, order);
    }

    public static Tensor transpose(Tensor x, int a, int b) {
        int[] order = Reductions.allAxes(x);
        int i = x.shape().axis(a, "transpose");
        int j = x.shape().axis(b, "transpose");
        order[i] = j;
        order[j] = i;
        return Permute.apply(x, order);
    }

    /** Broadcast to {@code dims}; -1 keeps the size of an existing axis. */
    public static Tensor expand(Tensor x, int[] dims) {
        int lead = dims.length - x.rank();
        if (lead < 0) {
            throw new IllegalArgumentException("expand: target " + Arrays.toString(dims) + " has fewer axes than "
                    + x.shape());
        }
        int[] target = dims.clone();
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1) {
                if (i < lead) {
                    throw new IllegalArgumentException("expand: -1 is not allowed for the new leading axis " + i
                            + " in " + Arrays.toString(dims));
                }
                target[i] = x.dim(i - lead);
            }
        }
        Shape shape = Shape.of(target);
        return shape.equals(x.shape()) ? x : Expand.apply(x, shape);
    }

    public static Tensor slice(Tensor x, int axis, int start, int end, int step) {
        return Slice.apply(x, axis, start, end, step);
    }

    /** Strict bounds, unlike slice: {@code start} in [-n, n] and {@code start + length <= n}. */
    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        int a = x.shape().axis(axis, "narrow");
        int n = x.dim(a);
        int s = start < 0 ? start + n : start;
        if (s < 0 || s > n || length < 0 || s + length > n) {
            throw new IllegalArgumentException("narrow: start " + start + " length " + length
                    + " is out of range for axis " + axis + " of size " + n + " in shape " + x.shape());
        }
        return Slice.apply(x, a, s, s + length, 1);
    }

    public static Tensor squeeze(Tensor x) {
        int[] kept = Arrays.stream(x.shape().dims()).filter(d -> d != 1).toArray();
        return reshape(x, kept, false);
    }

    public static Tensor squeeze(Tensor x, int axis) {
        int a = x.shape().axis(axis, "squeeze");
        if (x.dim(a) != 1) {
            return x;
        }
        int[] dims = x.shape().dims();
        int[] kept = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != a) {
                kept[j++] = dims[i];
            }
        }
        return reshape(x, kept, false);
    }

    public static Tensor unsqueeze(Tensor x, int axis) {
        int a = Shape.normalizeAxis(axis, x.rank() + 1, "unsqueeze");
        int[] dims = x.shape().dims();
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? 1 : dims[j++];
        }
        return reshape(x, out, false);
    }

    /** Axes {@code start..end} (inclusive) merged; a scalar becomes shape [1]. */
    public static Tensor flatten(Tensor x, int start, int end) {
        if (x.rank() == 0) {
            return reshape(x, new int[] {1}, false);
        }
        int s = x.shape().axis(start, "flatten");
        int e = x.shape().axis(end, "flatten");
        if (s > e) {
            throw new IllegalArgumentException("flatten: start axis " + start + " comes after end axis " + end
                    + " for shape " + x.shape());
        }
        int[] dims = x.shape().dims();
        int[] out = new int[dims.length - (e - s)];
        int merged = 1;
        for (int i = s; i <= e; i++) {
            merged *= dims[i];
        }
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i < s || i > e) {
                out[j++] = dims[i];
            } else if (i == s) {
                out[j++] = merged;
            }
        }
        return reshape(x, out, false);
    }

    public static Tensor flip(Tensor x, int[] axes) {
        return Flip.apply(x, axes);
    }

    /** {@code padding}: (before, after) pairs from the last axis backwards, as PyTorch's F.pad. */
    public static Tensor pad(Tensor x, int[] padding, double value) {
        if (padding.length % 2 != 0 || padding.length / 2 > x.rank()) {
            throw new IllegalArgumentException("pad: padding " + Arrays.toString(padding) + " must hold (before, after)"
                    + " pairs for at most " + x.rank() + " axes of shape " + x.shape());
        }
        int[] before = new int[x.rank()];
        int[] after = new int[x.rank()];
        for (int p = 0; p < padding.length / 2; p++) {
            int axis = x.rank() - 1 - p;
            before[axis] = padding[2 * p];
            after[axis] = padding[2 * p + 1];
            if (before[axis] < 0 || after[axis] < 0) {
                throw new IllegalArgumentException("pad: negative padding " + Arrays.toString(padding)
                        + " is not supported; use slice() to crop");
            }
        }
        return Pad.apply(x, before, after, value);
    }

    public static Tensor cat(List<Tensor> tensors, int axis) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: needs at least one tensor");
        }
        Tensor first = tensors.get(0);
        int a = first.shape().axis(axis, "cat");
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            Kernels.requireCompatible("cat", first, t);
            boolean same = t.rank() == first.rank();
            for (int d = 0; same && d < t.rank(); d++) {
                same = d == a || t.dim(d) == first.dim(d);
            }
            if (!same) {
                throw new IllegalArgumentException("cat: tensor " + i + " has shape " + t.shape() + ", tensor 0 has "
                        + first.shape() + "; all sizes must match except along axis " + a);
            }
            total += t.dim(a);
        }
        return Cat.apply(tensors, a, first.shape().with(a, total));
    }

    public static Tensor stack(List<Tensor> tensors, int axis) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        Shape shape = tensors.get(0).shape();
        int a = Shape.normalizeAxis(axis, shape.rank() + 1, "stack");
        List<Tensor> parts = new ArrayList<>(tensors.size());
        for (int i = 0; i < tensors.size(); i++) {
            if (!tensors.get(i).shape().equals(shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + tensors.get(i).shape()
                        + ", tensor 0 has " + shape + "; stack needs equal shapes");
            }
            parts.add(tensors.get(i).unsqueeze(a));
        }
        return cat(parts, a);
    }
}
