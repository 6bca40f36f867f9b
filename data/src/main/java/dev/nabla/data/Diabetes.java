package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The diabetes data, the classic small regression problem: 442 patients, 10 baseline measurements
 * each ({@link #FEATURE_NAMES}: age, sex, body mass index, mean blood pressure and six blood serum
 * values), and as target a measure of disease progression one year later ({@code 25..346}).
 * Bundled with Nabla (copied from scikit-learn's {@code load_diabetes}, BSD-3-Clause; see the
 * resource {@code dev/nabla/data/diabetes-NOTICE.md}), so examples and tests need no download.
 *
 * <pre>{@code
 * Diabetes data = Diabetes.load();   // features [442, 10], target [442]
 * LinearModel ridge = new Ridge(0.1).fit(data.features(), data.target());
 * }</pre>
 *
 * @param features {@code [442, 10]} F64, one row per patient
 * @param target   {@code [442]} F64
 */
public record Diabetes(Tensor features, Tensor target) {
    /** The number of samples. */
    public static final int SIZE = 442;
    /** The number of features. */
    public static final int FEATURES = 10;
    /** The features' names, in column order, as scikit-learn names them. */
    public static final List<String> FEATURE_NAMES =
            List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
    private static final String RAW_FEATURES = "diabetes_data_raw.csv.gz";
    private static final String TARGET = "diabetes_target.csv.gz";

    /** {@link #load(Device)} on the default device. */
    public static Diabetes load() {
        return load(Backends.defaultDevice());
    }

    /**
     * The data as scikit-learn's {@code load_diabetes()} gives it: each feature column centred
     * and divided by its (population) standard deviation times {@code sqrt(442)}, so each has
     * mean 0 and Euclidean norm 1. The scaling is computed in double precision on the host.
     *
     * @return features {@code [442, 10]} and target {@code [442]}, F64 on {@code device}
     */
    public static Diabetes load(Device device) {
        double[] values = numbers(RAW_FEATURES, SIZE * FEATURES);
        for (int j = 0; j < FEATURES; j++) {
            scaleColumn(values, j);
        }
        return of(values, device);
    }

    /** {@link #loadRaw(Device)} on the default device. */
    public static Diabetes loadRaw() {
        return loadRaw(Backends.defaultDevice());
    }

    /**
     * The data with the features as measured (scikit-learn's {@code load_diabetes(scaled=False)}):
     * age in years, sex coded 1 or 2, and so on.
     *
     * @return features {@code [442, 10]} and target {@code [442]}, F64 on {@code device}
     */
    public static Diabetes loadRaw(Device device) {
        return of(numbers(RAW_FEATURES, SIZE * FEATURES), device);
    }

    private static Diabetes of(double[] features, Device device) {
        return new Diabetes(Tensor.fromArray(features, Shape.of(SIZE, FEATURES), DType.F64, device),
                Tensor.fromArray(numbers(TARGET, SIZE), Shape.of(SIZE), DType.F64, device));
    }

    /** As scikit-learn: standardize with the population standard deviation, then divide by sqrt(n). */
    private static void scaleColumn(double[] values, int column) {
        double sum = 0;
        for (int i = 0; i < SIZE; i++) {
            sum += values[i * FEATURES + column];
        }
        double mean = sum / SIZE;
        double squares = 0;
        for (int i = 0; i < SIZE; i++) {
            double d = values[i * FEATURES + column] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / SIZE);
        for (int i = 0; i < SIZE; i++) {
            values[i * FEATURES + column] = (values[i * FEATURES + column] - mean) / std / Math.sqrt(SIZE);
        }
    }

    private static double[] numbers(String resource, int count) {
        try (InputStream packed = Diabetes.class.getResourceAsStream(resource)) {
            if (packed == null) {
                throw new IllegalStateException("diabetes: resource dev/nabla/data/" + resource
                        + " is missing from the classpath; the nabla-data jar is incomplete");
            }
            String text = new String(new GZIPInputStream(packed).readAllBytes(), StandardCharsets.US_ASCII).trim();
            double[] values = Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            if (values.length != count) {
                throw new IllegalStateException("diabetes: resource dev/nabla/data/" + resource + " holds "
                        + values.length + " numbers, expected " + count + "; the nabla-data jar is corrupt");
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("diabetes: cannot read the bundled resource " + resource, e);
        }
    }
}
