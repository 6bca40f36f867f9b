package dev.nabla.optim.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.StepStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom optimizer of docs/optim.md, written outside the package as a user would: it works
 * with everything the base class provides, and the docs show exactly this code.
 */
class LionTest {
    private static final Lion.Options OPTIONS = new Lion.Options(0.01, 0.9, 0.99, 0.1);

    @Test
    void updatesBySignOfTheInterpolatedMomentum() {
        Tensor p = Tensor.fromArray(new double[] {1, -1, 0.5}, 3).requiresGrad(true);
        Lion opt = new Lion(List.of(p), OPTIONS);
        p.setGrad(Tensor.fromArray(new double[] {0.3, -2, 0}, 3));
        opt.step();
        double decay = 1 - 0.01 * 0.1;
        assertThat(p.toDoubleArray()[0]).isCloseTo(1 * decay - 0.01, within(1e-15));
        assertThat(p.toDoubleArray()[1]).isCloseTo(-1 * decay + 0.01, within(1e-15));
        assertThat(p.toDoubleArray()[2]).as("sign(0) = 0: only decay").isCloseTo(0.5 * decay, within(1e-15));
        assertThat(opt.state(p).get("exp_avg").toDoubleArray()[1]).isCloseTo(0.01 * -2, within(1e-15));
    }

    @Test
    void stateDictsListenersAndValidationComeFromTheBaseClass() {
        Tensor p = Tensor.fromArray(new double[] {1, 2}, 2).requiresGrad(true);
        Lion opt = new Lion(List.of(p), OPTIONS);
        StepStatistics stats = new StepStatistics();
        opt.addListener(stats);
        p.setGrad(Tensor.fromArray(new double[] {1, 1}, 2));
        opt.step();
        Map<String, Tensor> saved = opt.stateDict();
        assertThat(saved).containsKeys("optimizer.Lion", "param_groups.0.weight_decay", "state.0.exp_avg");
        Lion copy = new Lion(List.of(Tensor.zeros(2).requiresGrad(true)), OPTIONS.withLr(1));
        copy.loadStateDict(saved);
        assertThat(copy.paramGroups().get(0).options()).isEqualTo(OPTIONS);
        assertThat(stats.last().effectiveLr()).containsExactly(0.01);
        assertThatThrownBy(() -> new Lion.Options(0.01, 1.0, 0.99, 0))
                .hasMessage("Lion: invalid beta1 1.0; it must lie in [0, 1)");
    }

    @Test
    void docsShowThisCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/nabla/optim/example/Lion.java"));
        String docs = Files.readString(Path.of("..", "docs", "optim.md"));
        String shown = source.substring(source.indexOf("import "));
        assertThat(docs).as("docs/optim.md shows Lion.java from its imports on").contains("```java\n" + shown + "```");
    }
}
