package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    /** y = 2x with a deliberately wrong derivative of 3. */
    private record WrongDouble(Tensor x) implements Op {
        static Tensor apply(Tensor x) {
            Tensor out;
            try (GradMode.Scope s = GradMode.disable()) {
                out = x.mul(2.0);
            }
            return Graph.record(out, new WrongDouble(x), x);
        }

        @Override
        public Tensor[] backward(Tensor grad) {
            return new Tensor[] {grad.mul(3.0)};
        }
    }

    private static Tensor input() {
        return Tensor.fromArray(new double[] {0.3, -1.2, 2.5, 0.7}, 2, 2).requiresGrad(true);
    }

    @Test
    void acceptsCorrectGradients() {
        GradCheck.Result r = GradCheck.check(in -> in.get(0).tanh().matmul(in.get(0)), List.of(input()));
        assertThat(r.passed()).as(r.firstFailure()).isTrue();
        assertThat(r.checked()).isEqualTo(4);
        assertThat(r.maxAbsError()).isLessThan(1e-8);
    }

    @Test
    void catchesAWrongGradientAndSaysWhere() {
        GradCheck.Result r = GradCheck.check(in -> WrongDouble.apply(in.get(0)), List.of(input()));
        assertThat(r.passed()).isFalse();
        assertThat(r.firstFailure()).startsWith("input 0 [2, 2], element 0: analytic");
        assertThatThrownBy(() -> GradCheck.verify(in -> WrongDouble.apply(in.get(0)), List.of(input())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("gradCheck failed at input 0");
    }

    @Test
    void restoresTheInputs() {
        Tensor x = input();
        GradCheck.check(in -> in.get(0).exp(), List.of(x));
        assertThat(x.toDoubleArray()).containsExactly(0.3, -1.2, 2.5, 0.7);
    }

    @Test
    void checksNonContiguousInputs() {
        Tensor base = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor x = base.mT().detach().requiresGrad(true);
        GradCheck.verify(in -> in.get(0).mul(in.get(0)).sum(0, false), List.of(x));
    }

    @Test
    void refusesF32AndBroadcastInputs() {
        assertThatThrownBy(() -> GradCheck.check(in -> in.get(0), List.of(Tensor.of(1, 2).requiresGrad(true))))
                .hasMessageContaining("input 0 is F32");
        Tensor expanded = Tensor.fromArray(new double[] {1}, 1).expand(3).detach().requiresGrad(true);
        assertThatThrownBy(() -> GradCheck.check(in -> in.get(0), List.of(expanded)))
                .hasMessageContaining("broadcast (stride 0 on axis 0)");
        assertThatThrownBy(() -> GradCheck.check(in -> in.get(0), List.of(Tensor.fromArray(new double[] {1}, 1))))
                .hasMessageContaining("no input requires grad");
    }
}
