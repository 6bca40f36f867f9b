package dev.nabla.tests.golden.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.SGD;
import dev.nabla.optim.testfunctions.Beale;
import dev.nabla.optim.testfunctions.Himmelblau;
import dev.nabla.optim.testfunctions.IllConditionedQuadratic;
import dev.nabla.optim.testfunctions.Rosenbrock;
import dev.nabla.optim.testfunctions.TestFunction;
import dev.nabla.optim.testfunctions.Trajectory;
import dev.nabla.tests.golden.FixtureReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The optimizer test functions against their textbook definitions in torch
 * (make_test_function_goldens.py): 40-step trajectories of SGD with momentum and of Adam, every
 * point and value compared, which checks each function, its gradient and {@link Trajectory}.
 */
class TestFunctionGoldenTest {
    private static final String FIXTURE = "/golden/test_functions.json";
    /** F64 on both sides; the functions' terms are summed in other orders. */
    private static final double RELATIVE = 1e-10;

    @TestFactory
    Stream<DynamicTest> goldens() {
        List<Map<String, Object>> cases = FixtureReader.manifestCases(FIXTURE);
        assertThat(cases).hasSize(12);
        return cases.stream().map(c -> dynamicTest((String) c.get("name"), () -> replay(c)));
    }

    @SuppressWarnings("unchecked")
    private static void replay(Map<String, Object> c) {
        TestFunction f = function((Map<String, Object>) c.get("function"));
        Trajectory t = Trajectory.record(f, doubles(c.get("start")),
                optimizer((Map<String, Object>) c.get("optimizer")), ((List<?>) c.get("values")).size() - 1);
        List<?> points = (List<?>) c.get("points");
        double[] values = doubles(c.get("values"));
        List<String> failures = new ArrayList<>();
        assertThat(t.steps()).isEqualTo(values.length - 1);
        for (int s = 0; s < values.length; s++) {
            compare(failures, "step " + s + " value", values[s], t.value(s));
            double[] expected = doubles(points.get(s));
            for (int i = 0; i < expected.length; i++) {
                compare(failures, "step " + s + " x" + i, expected[i], t.point(s)[i]);
            }
        }
        assertThat(failures).as(c.get("name") + ": differences from torch").isEmpty();
    }

    private static void compare(List<String> failures, String what, double expected, double actual) {
        if (!(Math.abs(actual - expected) <= RELATIVE * Math.max(1, Math.abs(expected)))) {
            failures.add(what + ": torch " + expected + ", Nabla " + actual);
        }
    }

    private static TestFunction function(Map<String, Object> spec) {
        return switch ((String) spec.get("type")) {
            case "Rosenbrock" -> new Rosenbrock(integer(spec.get("dim")));
            case "Beale" -> new Beale();
            case "Himmelblau" -> new Himmelblau();
            case "IllConditionedQuadratic" -> new IllConditionedQuadratic(integer(spec.get("dim")),
                    ((Number) spec.get("conditionNumber")).doubleValue(), (Boolean) spec.get("rotated"));
            default -> throw new IllegalArgumentException("unknown function " + spec.get("type"));
        };
    }

    private static Function<List<Tensor>, Optimizer<?>> optimizer(Map<String, Object> spec) {
        double lr = ((Number) spec.get("lr")).doubleValue();
        return switch ((String) spec.get("type")) {
            case "SGD" -> params -> new SGD(params, SGD.Options.lr(lr)
                    .withMomentum(((Number) spec.get("momentum")).doubleValue()));
            case "Adam" -> params -> new Adam(params, new Adam.Options().withLr(lr));
            default -> throw new IllegalArgumentException("unknown optimizer " + spec.get("type"));
        };
    }

    private static int integer(Object o) {
        return ((Number) o).intValue();
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }
}
