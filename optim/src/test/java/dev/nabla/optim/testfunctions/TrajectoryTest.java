package dev.nabla.optim.testfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adam;
import dev.nabla.optim.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTest {
    @Test
    void optimizersReachTheKnownMinima() {
        Trajectory adam = Trajectory.record(new Rosenbrock(), new Rosenbrock().start(),
                params -> new Adam(params, new Adam.Options().withLr(0.02)), 3000);
        assertThat(adam.distanceToNearestMinimum()).as(adam.toString()).isLessThan(2e-3);
        Trajectory momentum = Trajectory.record(new Rosenbrock(), new Rosenbrock().start(),
                params -> new SGD(params, SGD.Options.lr(1e-3).withMomentum(0.9)), 5000);
        assertThat(momentum.distanceToNearestMinimum()).isLessThan(1e-6);
        Trajectory beale = Trajectory.record(new Beale(), new Beale().start(),
                params -> new Adam(params, new Adam.Options().withLr(0.02)), 3000);
        assertThat(beale.last()).containsExactly(new double[] {3, 0.5}, within(1e-6));
        Trajectory himmelblau = Trajectory.record(new Himmelblau(), new double[] {-3, -3},
                params -> new SGD(params, SGD.Options.lr(0.005).withMomentum(0.5)), 500);
        assertThat(himmelblau.last()).as("the minimum of the start's basin")
                .containsExactly(new double[] {-3.7793102533777465, -3.2831859912861696}, within(1e-9));
        IllConditionedQuadratic q = new IllConditionedQuadratic(4, 100, true);
        Trajectory gd = Trajectory.record(q, q.start(), params -> new SGD(params, SGD.Options.lr(0.015)), 2000);
        assertThat(gd.lastValue()).as("about 100 steps per digit at lr 1.5 / 100").isLessThan(1e-10);
    }

    @Test
    void recordsEveryPointAndValueAndStopsWhenItDiverges() {
        Trajectory t = Trajectory.record(new Himmelblau(), new double[] {0, 0},
                params -> new SGD(params, SGD.Options.lr(0.01)), 3);
        assertThat(t.steps()).isEqualTo(3);
        assertThat(t.point(0)).containsExactly(0, 0);
        assertThat(t.value(0)).isEqualTo(170);
        // the gradient at the origin is (-14, -22): the first step goes to (0.14, 0.22)
        assertThat(t.point(1)).containsExactly(new double[] {0.14, 0.22}, within(1e-15));
        assertThat(t.diverged()).isFalse();
        assertThat(t.function()).isEqualTo(new Himmelblau());
        assertThat(t.toCsv()).startsWith("step,x0,x1,value\n0,0.0,0.0,170.0\n1,0.14").hasLineCount(5);

        Trajectory blowUp = Trajectory.record(new Rosenbrock(), new Rosenbrock().start(),
                params -> new SGD(params, SGD.Options.lr(0.1)), 100);
        assertThat(blowUp.diverged()).isTrue();
        assertThat(blowUp.steps()).isLessThan(100);
        assertThat(blowUp.toString()).startsWith("Trajectory[Rosenbrock, " + blowUp.steps() + " steps, last value ");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Trajectory.record(new Beale(), new double[] {1, 2, 3},
                params -> new SGD(params, SGD.Options.lr(0.1)), 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Trajectory: start has 3 coordinates but Beale takes 2");
        assertThatThrownBy(() -> Trajectory.record(new Beale(), new double[] {1, 2},
                params -> new SGD(params, SGD.Options.lr(0.1)), -1)).hasMessage("Trajectory: steps -1 must be >= 0");
        assertThatThrownBy(() -> Trajectory.record(new Beale(), new double[] {1, 2},
                params -> new SGD(List.of(Tensor.zeros(2).requiresGrad(true)), SGD.Options.lr(0.1)), 5))
                .hasMessageStartingWith("Trajectory: the optimizer factory must return an optimizer of the point it is"
                        + " given");
    }
}
