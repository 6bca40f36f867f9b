package dev.nabla.optim.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFunctionsTest {
    private static final List<TestFunction> ALL = List.of(new Rosenbrock(), new Rosenbrock(4), new Beale(),
            new Himmelblau(), new IllConditionedQuadratic(3, 100, false), new IllConditionedQuadratic(5, 1e4, true));

    @Test
    void valuesAtKnownPoints() {
        assertThat(new Rosenbrock().valueAt(-1.2, 1)).isCloseTo(24.2, within(1e-12));
        assertThat(new Rosenbrock(3).valueAt(0, 0, 0)).isEqualTo(2);
        assertThat(new Beale().valueAt(0, 0)).isCloseTo(1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625, within(1e-12));
        assertThat(new Himmelblau().valueAt(0, 0)).isEqualTo(170);
        IllConditionedQuadratic q = new IllConditionedQuadratic(3, 100, false);
        assertThat(q.eigenvalues()).containsExactly(new double[] {1, 10, 100}, within(1e-12));
        assertThat(q.valueAt(1, 1, 1)).isCloseTo(55.5, within(1e-12));
        IllConditionedQuadratic turned = new IllConditionedQuadratic(3, 100, true);
        assertThat(turned.valueAt(1, 2, 3)).as("v = (1, 2, 3) is reflected to -v")
                .isCloseTo(0.5 * (1 + 10 * 4 + 100 * 9), within(1e-9));
    }

    @Test
    void everyMinimumHasTheMinimumValueAndZeroGradient() {
        for (TestFunction f : ALL) {
            assertThat(f.start()).as(f.name()).hasSize(f.dim());
            for (double[] m : f.minima()) {
                Tensor x = Tensor.fromArray(m, m.length).requiresGrad(true);
                Tensor v = f.value(x);
                assertThat(v.item()).as(f.name()).isCloseTo(f.minimumValue(), within(1e-20));
                v.backward();
                for (double g : x.grad().toDoubleArray()) {
                    assertThat(g).as(f.name() + " gradient (irrational minima are rounded)")
                            .isCloseTo(0, within(1e-13));
                }
                assertThat(f.distanceToNearestMinimum(m)).isZero();
            }
        }
        assertThat(new Himmelblau().minima()).hasSize(4);
        assertThat(new Himmelblau().distanceToNearestMinimum(3, 3)).isEqualTo(1);
    }

    @Test
    void gradientsPassGradCheckAndBatchesEvaluatePointwise() {
        for (TestFunction f : ALL) {
            Tensor point = Tensor.fromArray(f.start(), f.dim()).add(0.1).requiresGrad(true);
            assertThat(GradCheck.check(xs -> f.value(xs.get(0)), List.of(point)).passed()).as(f.name()).isTrue();
            Tensor grid = Tensor.fromArray(f.start(), 1, 1, f.dim()).expand(2, 3, f.dim());
            Tensor values = f.value(grid);
            assertThat(values.shape().dims()).containsExactly(2, 3);
            assertThat(values.toDoubleArray()).containsOnly(f.valueAt(f.start()));
        }
    }

    @Test
    void rejectsBadShapesAndSettings() {
        assertThatThrownBy(() -> new Beale().value(Tensor.zeros(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Beale: points must have shape [..., 2] (the last axis holds the coordinates), got [3]");
        assertThatThrownBy(() -> new Rosenbrock(4).valueAt(1, 2)).hasMessageContaining("got [2]");
        assertThatThrownBy(() -> new Himmelblau().value(Tensor.scalar(1))).hasMessageContaining("got []");
        assertThatThrownBy(() -> new Rosenbrock(1)).hasMessage("Rosenbrock: dim 1 must be >= 2");
        assertThatThrownBy(() -> new IllConditionedQuadratic(2, 0.5, false))
                .hasMessage("IllConditionedQuadratic: conditionNumber 0.5 must be a finite number >= 1");
    }
}
