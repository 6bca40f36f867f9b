package dev.nabla.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles every program in {@code examples/} (file {@code NAME.java}, public class {@code NAME})
 * and runs it with {@code --quick}, checking what it prints, so a broken example fails here.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final List<String> CHECKED = List.of("LinearRegressionGd", "RidgeLassoDiabetes", "KerasStyleMlp",
            "AdamStepLr", "EarlyStoppingDemo", "ImageFolderAugment");
    private static Map<String, String> sources;
    private static ClassLoader compiled;

    @BeforeAll
    static void compileEveryExample() throws IOException {
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
            }
        }
        compiled = JavaPrograms.compile("examples/", sources);
    }

    @Test
    void everyExampleIsCheckedHere() {
        assertThat(sources.keySet()).as("the examples in examples/; add a test for a new one")
                .containsExactlyInAnyOrderElementsOf(CHECKED);
    }

    @Test
    void linearRegressionFindsTheLine() throws Exception {
        String out = run("LinearRegressionGd");
        Matcher learned = find(out, "learned w = " + NUMBER + ", b = " + NUMBER);
        assertThat(Double.parseDouble(learned.group(1))).as(out).isCloseTo(2, within(0.05));
        assertThat(Double.parseDouble(learned.group(2))).as(out).isCloseTo(1, within(0.1));
        List<Double> losses = numbers(out, "loss " + NUMBER);
        assertThat(losses).as(out).hasSizeGreaterThan(5);
        assertThat(losses.get(losses.size() - 1)).as(out).isLessThan(losses.get(0) / 100);
    }

    @Test
    void ridgeAndLassoMatchScikitLearn() throws Exception {
        String out = run("RidgeLassoDiabetes");
        // scikit-learn 1.2, fitted on load_diabetes() rows 0..341 and scored on 342..441:
        // LinearRegression, Ridge(alpha=0.1) and Lasso(alpha=0.1) score 0.5552, 0.5422 and 0.5421.
        Matcher r2 = find(out, "test R\\^2\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER);
        assertThat(Double.parseDouble(r2.group(1))).as(out).isCloseTo(0.5552, within(1e-4));
        assertThat(Double.parseDouble(r2.group(2))).as(out).isCloseTo(0.5422, within(1e-4));
        assertThat(Double.parseDouble(r2.group(3))).as(out).isCloseTo(0.5421, within(1e-4));
        assertThat(out).contains("Lasso(alpha=0.1) set 3 of 10 coefficients to zero: age, s1, s4");
    }

    @Test
    void kerasStyleMlpSummarizesAndLearns() throws Exception {
        String out = run("KerasStyleMlp");
        assertThat(out).contains("2 (BatchNorm1d)    [32, 128]           256", "Total params: 17,610");
        assertThat(linesStartingWith(out, "epoch ")).as(out).isEqualTo(3);
        assertThat(Double.parseDouble(find(out, "test accuracy " + NUMBER).group(1))).as(out).isGreaterThan(0.9);
    }

    @Test
    void adamStepLrHalvesTheRateEveryTenEpochs() throws Exception {
        String out = run("AdamStepLr");
        Matcher row = Pattern.compile("(?m)^\\s*(\\d+)\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+"
                + NUMBER + "$").matcher(out);
        int epochs = 0;
        double lastAccuracy = 0;
        while (row.find()) {
            int epoch = Integer.parseInt(row.group(1));
            assertThat(epoch).as(out).isEqualTo(++epochs);
            assertThat(Double.parseDouble(row.group(5))).as("epoch %d's learning rate%n%s", epoch, out)
                    .isEqualTo(0.01 * Math.pow(0.5, (epoch - 1) / 10));
            assertThat(Double.parseDouble(row.group(3))).as(out).isFinite();
            lastAccuracy = Double.parseDouble(row.group(4));
        }
        assertThat(epochs).as(out).isEqualTo(21);
        assertThat(lastAccuracy).as(out).isGreaterThan(0.9);
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpoch() throws Exception {
        String out = run("EarlyStoppingDemo");
        Matcher stopped = find(out, "early stopping after epoch (\\d+) of (\\d+): val_loss did not improve on "
                + NUMBER + " \\(epoch (\\d+)\\) for 5 epochs");
        int stopEpoch = Integer.parseInt(stopped.group(1));
        int bestEpoch = Integer.parseInt(stopped.group(4));
        assertThat(stopEpoch).as(out).isLessThan(Integer.parseInt(stopped.group(2))).isEqualTo(bestEpoch + 5);
        assertThat(linesStartingWith(out, "epoch ")).as(out).isEqualTo(stopEpoch);
        String bestLoss = stopped.group(3);
        assertThat(numbers(out, "val_loss " + NUMBER)).as("the best epoch's line%n%s", out)
                .element(bestEpoch - 1).isEqualTo(Double.parseDouble(bestLoss));
        assertThat(out).contains("restored the weights of epoch " + bestEpoch + ": val_loss " + bestLoss + ",");
    }

    @Test
    void imageFolderAugmentTrainsOnAGeneratedFolder() throws Exception {
        String out = run("ImageFolderAugment");
        assertThat(out).contains("32 images, classes=[circles, crosses], [3, 64, 64], 0 skipped");
        assertThat(linesStartingWith(out, "epoch ")).as(out).isEqualTo(2);
        Matcher after = find(out, "after 2 epochs on 25 augmented images: loss " + NUMBER + ", val_accuracy " + NUMBER);
        assertThat(Double.parseDouble(after.group(1))).as(out).isFinite().isPositive();
        assertThat(Double.parseDouble(after.group(2))).as(out).isBetween(0.0, 1.0);
    }

    private static String run(String example) throws ReflectiveOperationException {
        return JavaPrograms.runMain(compiled, example, "--quick");
    }

    /** The first match of {@code regex} (multiline) in {@code out}; fails if there is none. */
    private static Matcher find(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as("output has a match for %s:%n%s", regex, out).isTrue();
        return m;
    }

    /** Group 1 of every match of {@code regex} (multiline) in {@code out}, as numbers. */
    private static List<Double> numbers(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        List<Double> values = new ArrayList<>();
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values;
    }

    /** The lines of {@code out} that start with {@code prefix}. */
    private static long linesStartingWith(String out, String prefix) {
        return out.lines().filter(line -> line.startsWith(prefix)).count();
    }
}
