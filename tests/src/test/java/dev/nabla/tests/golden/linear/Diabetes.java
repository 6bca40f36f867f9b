package dev.nabla.tests.golden.linear;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tests.golden.FixtureReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * scikit-learn's diabetes data from the test resources ({@code /data/diabetes}, see SOURCE.md
 * there): 442 samples of 10 features and a target.
 */
final class Diabetes {
    static final int SAMPLES = 442;
    static final int FEATURES = 10;

    private Diabetes() {
    }

    /** The raw features, {@code load_diabetes(scaled=False).data}: F64 {@code [442, 10]}. */
    static Tensor raw() {
        return Tensor.fromArray(numbers("diabetes_data_raw.csv.gz", SAMPLES * FEATURES), SAMPLES, FEATURES);
    }

    /**
     * The features as {@code load_diabetes()} gives them: each column centred and divided by its
     * (population) standard deviation times {@code sqrt(442)}. F64 {@code [442, 10]}.
     */
    static Tensor scaled() {
        Tensor centred = raw().sub(raw().mean(0));
        Tensor std = centred.pow(2).mean(0).sqrt();
        return centred.div(std).div(Math.sqrt(SAMPLES));
    }

    /** The target, F64 {@code [442]}. */
    static Tensor target() {
        return Tensor.fromArray(numbers("diabetes_target.csv.gz", SAMPLES), SAMPLES);
    }

    private static double[] numbers(String file, int count) {
        byte[] packed = FixtureReader.resource("/data/diabetes/" + file);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            double[] values = Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            if (values.length != count) {
                throw new IllegalStateException(file + ": expected " + count + " numbers, found " + values.length);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }
}
