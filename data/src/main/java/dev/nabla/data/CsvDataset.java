package dev.nabla.data;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Reads a table of numbers from a CSV file (gzipped or not): one sample per row, one column the
 * label, every other column a numeric feature. Samples are {@code [F]} F32.
 *
 * <p>The label column is chosen by header name or by index (default: the last column). Its cells
 * may be numbers (class indices or regression targets, kept as they are) or names: if any label
 * cell is not a number, the distinct names, sorted, become the class names and each label their
 * index. Fields may be quoted with {@code "} ({@code ""} inside quotes is a quote); empty lines
 * are skipped. Every feature cell must be a finite number.
 *
 * <pre>{@code
 * ArrayDataset iris = CsvDataset.reader().labelColumn("species").read(Path.of("iris.csv"));
 * }</pre>
 */
public final class CsvDataset {
    /** A decimal number, as written in CSV files: no hex, no {@code f}/{@code d} suffix, no NaN or Infinity. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private boolean header = true;
    private String labelName;
    private int labelIndex = -1;
    private char delimiter = ',';
    private Device device;
    private Shape sampleShape;
    private List<String> classNames = List.of();

    private CsvDataset() {
    }

    /** A reader with the defaults: a header line, the last column as label, comma-separated. */
    public static CsvDataset reader() {
        return new CsvDataset();
    }

    /** Whether the first line names the columns (default true); without it the label needs an index. */
    public CsvDataset header(boolean hasHeader) {
        this.header = hasHeader;
        return this;
    }

    /** The label column by its header name. */
    public CsvDataset labelColumn(String name) {
        this.labelName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The label column by index: 0 is the first, -1 (the default) the last, -2 the one before. */
    public CsvDataset labelColumn(int index) {
        this.labelName = null;
        this.labelIndex = index;
        return this;
    }

    /** The field separator; default {@code ','}. */
    public CsvDataset delimiter(char delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    /**
     * The shape each row's features take, e.g. {@code [1, 8, 8]} for 64 pixel columns; default
     * {@code [F]}, F the number of feature columns.
     */
    public CsvDataset sampleShape(Shape shape) {
        this.sampleShape = Objects.requireNonNull(shape, "shape");
        return this;
    }

    /** Names for numeric class labels: label k is {@code names.get(k)}. Names in the label column need none. */
    public CsvDataset classNames(List<String> names) {
        this.classNames = List.copyOf(names);
        return this;
    }

    /** The device samples are created on; default the default device. */
    public CsvDataset device(Device device) {
        this.device = Objects.requireNonNull(device, "device");
        return this;
    }

    /**
     * Reads {@code file}.
     *
     * @throws DatasetFormatException naming the file, the line and the column of the first cell that is not a
     *     number, a row with the wrong number of columns, or a label column that does not exist
     */
    public ArrayDataset read(Path file) throws IOException {
        return read(Files.newInputStream(file), file.toString());
    }

    /**
     * Reads CSV text from {@code in} (closed afterwards); {@code source} names it in error messages.
     *
     * @throws DatasetFormatException as {@link #read(Path)}
     */
    public ArrayDataset read(InputStream in, String source) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(DataFiles.open(in, source),
                StandardCharsets.UTF_8))) {
            return parse(reader, source);
        } catch (ZipException | EOFException e) {
            throw DataFiles.corrupt(source, e);
        }
    }

    private ArrayDataset parse(BufferedReader reader, String source) throws IOException {
        List<String> names = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line, source, lineNumber);
            if (header && names == null) {
                names = List.of(fields);
                continue;
            }
            int expected = names != null ? names.size() : rows.isEmpty() ? fields.length : rows.get(0).length;
            if (fields.length != expected) {
                throw fail(source, "line " + lineNumber + " has " + fields.length + " columns, expected " + expected
                        + (names != null ? " (as in the header)" : " (as in the first row)"));
            }
            rows.add(fields);
            lineNumbers.add(lineNumber);
        }
        if (rows.isEmpty()) {
            throw fail(source, "no data rows" + (header ? " after the header" : ""));
        }
        int columns = rows.get(0).length;
        int label = labelColumn(names, columns, source);
        String[] labelCells = new String[rows.size()];
        float[] features = new float[rows.size() * (columns - 1)];
        for (int r = 0; r < rows.size(); r++) {
            String[] fields = rows.get(r);
            int f = 0;
            for (int c = 0; c < columns; c++) {
                if (c == label) {
                    labelCells[r] = fields[c].trim();
                } else {
                    features[r * (columns - 1) + f++] = number(fields[c], source, lineNumbers.get(r), c, names);
                }
            }
        }
        List<String> labelNames = new ArrayList<>();
        float[] labels = labels(labelCells, labelNames);
        if (labelNames.isEmpty()) {
            labelNames.addAll(classNames);
        }
        Shape shape = sampleShape != null ? sampleShape : Shape.of(columns - 1);
        if (shape.numel() != columns - 1) {
            throw fail(source, "sampleShape " + shape + " holds " + shape.numel() + " values but the rows have "
                    + (columns - 1) + " feature columns");
        }
        return ArrayDataset.ofFloats(features, shape, labels, labelNames, device != null ? device : Backends.defaultDevice());
    }

    private int labelColumn(List<String> names, int columns, String source) throws DatasetFormatException {
        if (labelName != null) {
            int at = names == null ? -1 : names.indexOf(labelName);
            if (at < 0) {
                throw fail(source, "no column named \"" + labelName + "\""
                        + (names == null ? " (the reader was told there is no header)" : "; the header has " + names));
            }
            return at;
        }
        int at = labelIndex < 0 ? columns + labelIndex : labelIndex;
        if (at < 0 || at >= columns) {
            throw fail(source, "label column " + labelIndex + " does not exist; the rows have " + columns + " columns");
        }
        if (columns < 2) {
            throw fail(source, "the rows have 1 column, the label; there are no features");
        }
        return at;
    }

    /** Numeric labels as they are; otherwise sorted distinct names, their indices as labels. */
    private static float[] labels(String[] cells, List<String> classNames) {
        float[] labels = new float[cells.length];
        if (Arrays.stream(cells).allMatch(c -> NUMBER.matcher(c).matches())) {
            for (int i = 0; i < cells.length; i++) {
                labels[i] = Float.parseFloat(cells[i]);
            }
            return labels;
        }
        classNames.addAll(new TreeSet<>(List.of(cells)));
        for (int i = 0; i < cells.length; i++) {
            labels[i] = Collections.binarySearch(classNames, cells[i]);
        }
        return labels;
    }

    private static float number(String cell, String source, int line, int column, List<String> names)
            throws DatasetFormatException {
        String text = cell.trim();
        float value = NUMBER.matcher(text).matches() ? Float.parseFloat(text) : Float.NaN;
        if (!Float.isFinite(value)) {
            throw fail(source, "line " + line + ", column " + (column + 1)
                    + (names != null ? " (\"" + names.get(column) + "\")" : "") + ": '" + cell
                    + "' is not a finite number");
        }
        return value;
    }

    /** The fields of one line; quotes may enclose a field, {@code ""} inside them is one quote. */
    private String[] split(String line, String source, int lineNumber) throws DatasetFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw fail(source, "line " + lineNumber + " has a quote that is never closed");
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    private static DatasetFormatException fail(String source, String what) {
        return new DatasetFormatException(source + ": " + what);
    }
}
