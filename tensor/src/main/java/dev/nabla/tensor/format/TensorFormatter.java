package dev.nabla.tensor.format;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Prints tensors exactly as PyTorch's {@code str(t)} does with its default print options, so
 * output can be compared with PyTorch's character for character.
 *
 * <p>The rules, for floating tensors: one {@link ElementFormatter element style} and column width
 * for the whole tensor (integer, fixed with 4 decimals, or scientific); a tensor with more than
 * {@value #THRESHOLD} elements is summarized, keeping the first and last {@value #EDGE_ITEMS}
 * entries of every axis longer than {@code 2 * EDGE_ITEMS} around an ellipsis; a row wraps
 * before {@value #LINE_WIDTH} columns; slices of a rank-r tensor are separated by a comma and
 * r-1 newlines; nested brackets are aligned under the opening one.
 */
public final class TensorFormatter {
    /** Digits after the point in fixed and scientific modes. */
    public static final int PRECISION = 4;
    /** Tensors with more elements than this are summarized. */
    public static final int THRESHOLD = 1000;
    /** Entries kept at each end of a summarized axis. */
    public static final int EDGE_ITEMS = 3;
    /** Target line width for wrapping rows and suffixes. */
    public static final int LINE_WIDTH = 80;

    private static final String PREFIX = "tensor(";

    private final double[] values;
    private final int[] dims;
    private final int[] strides;
    private final boolean summarize;
    private final ElementFormatter elements;

    private TensorFormatter(double[] values, Shape shape) {
        this.values = values;
        this.dims = shape.dims();
        this.strides = shape.contiguousStrides();
        this.summarize = shape.numel() > THRESHOLD;
        int shownCount = 1;
        for (int d : dims) {
            shownCount *= shownIndices(d).length;
        }
        double[] shown = new double[shownCount];
        collectShown(0, 0, shown, 0);
        // The style is chosen from the printed entries only, so hidden outliers do not matter.
        this.elements = new ElementFormatter(shown, PRECISION);
    }

    /**
     * The PyTorch rendering of a tensor, e.g. {@code tensor([[1., 2.],\n        [3., 4.]])}.
     *
     * @param values the elements in row-major order, {@code shape.numel()} of them; not modified.
     *     For {@link DType#F32} each is rounded to float32 first, as the tensor would hold it.
     * @param shape the tensor's shape; a rank-0 shape prints as {@code tensor(3.5000)}, an empty
     *     one as {@code tensor([])}, with {@code size=(0, 3)} added when its rank is not 1
     * @param dtype the element type the values are printed as
     * @param suffixes extra entries placed inside the parentheses after the data, in order, as
     *     {@code , dtype=F64}; one that would pass {@value #LINE_WIDTH} columns goes on a new line
     * @throws IllegalArgumentException if {@code values.length != shape.numel()}
     */
    public static String format(double[] values, Shape shape, DType dtype, List<String> suffixes) {
        Objects.requireNonNull(values, "format: values is null");
        Objects.requireNonNull(shape, "format: shape is null");
        Objects.requireNonNull(dtype, "format: dtype is null");
        Objects.requireNonNull(suffixes, "format: suffixes is null (pass List.of())");
        if (values.length != shape.numel()) {
            throw new IllegalArgumentException("format: " + values.length + " values do not fill shape "
                    + shape + ", which holds " + shape.numel());
        }
        List<String> all = new ArrayList<>();
        String body;
        if (shape.numel() == 0) {
            body = "[]";
            if (shape.rank() != 1) {
                all.add("size=" + pythonTuple(shape.dims()));
            }
        } else {
            body = new TensorFormatter(roundTo(dtype, values), shape).render();
        }
        all.addAll(suffixes);
        return withSuffixes(PREFIX + body, all);
    }

    private static double[] roundTo(DType dtype, double[] values) {
        if (dtype != DType.F32) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private String render() {
        return dims.length == 0 ? elements.format(values[0]) : renderAxis(0, 0, PREFIX.length());
    }

    /** Indices printed along an axis of {@code size}: all, or the edges of a summarized axis. */
    private int[] shownIndices(int size) {
        if (elided(size)) {
            int[] idx = new int[2 * EDGE_ITEMS];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                idx[i] = i;
                idx[EDGE_ITEMS + i] = size - EDGE_ITEMS + i;
            }
            return idx;
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Whether an axis of {@code size} is printed with an ellipsis in its middle. */
    private boolean elided(int size) {
        return summarize && size > 2 * EDGE_ITEMS;
    }

    /** Copies the printed entries, in row-major order, into {@code out} from {@code pos}; returns the next position. */
    private int collectShown(int axis, int offset, double[] out, int pos) {
        if (axis == dims.length) {
            out[pos] = values[offset];
            return pos + 1;
        }
        for (int i : shownIndices(dims[axis])) {
            pos = collectShown(axis + 1, offset + i * strides[axis], out, pos);
        }
        return pos;
    }

    /** The bracketed text of the sub-tensor at {@code offset} starting at {@code axis}; {@code indent} is its column. */
    private String renderAxis(int axis, int offset, int indent) {
        int size = dims[axis];
        List<String> parts = new ArrayList<>();
        boolean vector = axis == dims.length - 1;
        for (int i : shownIndices(size)) {
            int at = offset + i * strides[axis];
            parts.add(vector ? elements.format(values[at]) : renderAxis(axis + 1, at, indent + 1));
        }
        if (elided(size)) {
            parts.add(EDGE_ITEMS, vector ? " ..." : "...");
        }
        String continuation = " ".repeat(indent + 1);
        if (!vector) {
            // Slices of a rank-r tensor are separated by r-1 newlines.
            int rank = dims.length - axis;
            return "[" + String.join("," + "\n".repeat(rank - 1) + continuation, parts) + "]";
        }
        int perLine = Math.max(1, (LINE_WIDTH - indent) / (elements.width() + 2));
        StringJoiner lines = new StringJoiner(",\n" + continuation, "[", "]");
        for (int start = 0; start < parts.size(); start += perLine) {
            lines.add(String.join(", ", parts.subList(start, Math.min(parts.size(), start + perLine))));
        }
        return lines.toString();
    }

    /**
     * Appends {@code , suffix} for each suffix and closes the parenthesis. The length PyTorch
     * measures for the last line counts two more characters than the line holds; kept so the
     * wrap falls at the same place.
     */
    private static String withSuffixes(String text, List<String> suffixes) {
        StringBuilder sb = new StringBuilder(text);
        int lastLine = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLine + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(PREFIX.length())).append(suffix);
                lastLine = PREFIX.length() + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLine += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** Python's {@code str(tuple)} for two or more entries: {@code (0, 3)}. */
    private static String pythonTuple(int[] dims) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int d : dims) {
            j.add(Integer.toString(d));
        }
        return j.toString();
    }
}
