package dev.nabla.tests.golden.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.Diabetes;
import dev.nabla.optim.linear.Lasso;
import dev.nabla.optim.linear.LinearModel;
import dev.nabla.optim.linear.LinearRegression;
import dev.nabla.optim.linear.Ridge;
import dev.nabla.tests.golden.FixtureReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * LinearRegression, Ridge and Lasso against scikit-learn 1.2 on the bundled diabetes data
 * (make_linear_model_goldens.py): coefficients and intercept within 1e-4, for several alphas, on
 * scikit-learn's scaled features and on the raw ones. Ridge(0) is also checked against
 * scikit-learn's ordinary least squares.
 */
class LinearModelGoldenTest {
    private static final String FIXTURE = "/golden/linear_models.json";
    private static final double TOLERANCE = 1e-4;

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<Map<String, Object>> cases = FixtureReader.manifestCases(FIXTURE);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
        Map<String, Tensor> data = Map.of("scaled", Diabetes.load().features(), "raw", Diabetes.loadRaw().features());
        Tensor y = Diabetes.load().target();
        return cases.stream().flatMap(c -> {
            String name = c.get("data") + " " + c.get("model")
                    + (c.containsKey("alpha") ? "(" + c.get("alpha") + ")" : "");
            Tensor x = data.get((String) c.get("data"));
            DynamicTest main = dynamicTest(name, () -> compare(c, model(c), x, y));
            return c.get("model").equals("LinearRegression")
                    ? Stream.of(main, dynamicTest(c.get("data") + " Ridge(0) vs LinearRegression",
                            () -> compare(c, new Ridge(0), x, y)))
                    : Stream.of(main);
        });
    }

    private static LinearModel model(Map<String, Object> c) {
        return switch ((String) c.get("model")) {
            case "LinearRegression" -> new LinearRegression();
            case "Ridge" -> new Ridge(alpha(c));
            case "Lasso" -> new Lasso(alpha(c));
            default -> throw new IllegalArgumentException("unknown model " + c.get("model"));
        };
    }

    private static double alpha(Map<String, Object> c) {
        return ((Number) c.get("alpha")).doubleValue();
    }

    private static void compare(Map<String, Object> c, LinearModel model, Tensor x, Tensor y) {
        model.fit(x, y);
        double[] expected = ((List<?>) c.get("coef")).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        double[] actual = model.coefficients().toDoubleArray();
        assertThat(actual).as(model + " coefficients").hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Math.abs(actual[j] - expected[j])).as(model + " coefficient " + j + ": sklearn " + expected[j]
                    + ", Nabla " + actual[j]).isLessThanOrEqualTo(TOLERANCE);
        }
        double intercept = ((Number) c.get("intercept")).doubleValue();
        assertThat(Math.abs(model.intercept() - intercept)).as(model + " intercept: sklearn " + intercept + ", Nabla "
                + model.intercept()).isLessThanOrEqualTo(TOLERANCE);
        if (model instanceof Lasso lasso) {
            assertThat(lasso.converged()).as(model + " converged").isTrue();
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[j] == 0).as(model + " coefficient " + j + " is zero exactly where sklearn's is")
                        .isEqualTo(expected[j] == 0);
            }
        }
        if (model instanceof LinearRegression ols) {
            assertThat(ols.converged()).as("gradient descent converged").isTrue();
        }
    }
}
