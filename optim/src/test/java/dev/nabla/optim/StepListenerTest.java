package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepListenerTest {
    private static Tensor param(double... values) {
        return Tensor.fromArray(values, values.length).requiresGrad(true);
    }

    @Test
    void seesParameterGradientUpdateAndStateOfEveryUpdatedParameter() {
        Tensor a = param(1, 2);
        Tensor b = param(3);
        Tensor c = param(5);
        SGD opt = new SGD(List.of(a), SGD.Options.lr(0.5).withMomentum(0.9));
        opt.addParamGroup(List.of(b, c), SGD.Options.lr(0.1));
        List<ParamUpdate> seen = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override
            public void onUpdate(ParamUpdate u) {
                seen.add(u);
            }

            @Override
            public void onStepEnd(Optimizer<?> optimizer) {
                ends.add(seen.size());
            }
        };
        opt.addListener(listener);
        a.setGrad(Tensor.fromArray(new double[] {1, -1}, 2));
        c.setGrad(Tensor.fromArray(new double[] {2}, 1));
        opt.step();

        assertThat(seen).extracting(ParamUpdate::index).containsExactly(0, 2);
        assertThat(seen).extracting(ParamUpdate::group).containsExactly(0, 1);
        ParamUpdate first = seen.get(0);
        assertThat(first.param()).isSameAs(a);
        assertThat(first.before().toDoubleArray()).containsExactly(1, 2);
        assertThat(first.after().toDoubleArray()).containsExactly(0.5, 2.5);
        assertThat(first.grad().toDoubleArray()).containsExactly(1, -1);
        assertThat(first.update().toDoubleArray()).containsExactly(-0.5, 0.5);
        assertThat(first.state().step()).isEqualTo(1);
        assertThat(first.state().get("momentum_buffer").toDoubleArray()).containsExactly(1, -1);
        assertThat(seen.get(1).update().item()).isCloseTo(-0.2, within(1e-15));
        assertThat(ends).containsExactly(2);

        a.setGrad(Tensor.fromArray(new double[] {1, -1}, 2));
        opt.step();
        assertThat(first.after().toDoubleArray()).as("snapshots do not change").containsExactly(0.5, 2.5);
        assertThat(first.state().step()).isEqualTo(1);
        assertThat(opt.removeListener(listener)).isTrue();
        assertThat(ends).containsExactly(2, 4);
        opt.step();
        assertThat(ends).as("removed").containsExactly(2, 4);
    }

    @Test
    void statisticsForSgdAreTheGradientNormAndTheLearningRate() {
        Tensor w = param(3, 4);
        Tensor b = param(0);
        SGD opt = new SGD(List.of(w), SGD.Options.lr(0.1));
        opt.addParamGroup(List.of(b), SGD.Options.lr(0.2));
        StepStatistics stats = new StepStatistics();
        opt.addListener(stats);
        assertThatThrownBy(stats::last).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no step recorded yet");
        w.setGrad(Tensor.fromArray(new double[] {1, 2}, 2));
        b.setGrad(Tensor.fromArray(new double[] {2}, 1));
        opt.step();
        StepStatistics.Step s = stats.last();
        assertThat(s.step()).isEqualTo(1);
        assertThat(s.gradNorm()).isCloseTo(3, within(1e-15));
        assertThat(s.updateToWeight().get(0)).isCloseTo(0.1 * Math.sqrt(5) / 5, within(1e-15));
        assertThat(s.updateToWeight().get(1)).as("zero weight, non-zero update").isInfinite();
        assertThat(s.effectiveLr()).containsExactly(0.1, 0.2);

        b.zeroGrad();
        opt.step();
        assertThat(stats.last().effectiveLr().get(1)).as("group without updates").isNaN();
        assertThat(stats.history()).hasSize(2);
        stats.clear();
        assertThat(stats.history()).isEmpty();
    }

    @Test
    void adamsEffectiveLearningRateDividesByTheCorrectedSecondMoment() {
        Tensor w = param(1, 1);
        Adam opt = new Adam(List.of(w), new Adam.Options().withLr(0.1));
        assertThatThrownBy(() -> opt.effectiveLr(w)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no state yet");
        assertThatThrownBy(() -> opt.effectiveLr(param(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one of this optimizer's parameters");
        StepStatistics stats = new StepStatistics();
        opt.addListener(stats);
        w.setGrad(Tensor.fromArray(new double[] {0.5, -2}, 2));
        opt.step();
        // At step 1, v_hat = g^2: the effective rates are lr / (|g| + eps).
        double expected = (0.1 / (0.5 + 1e-8) + 0.1 / (2 + 1e-8)) / 2;
        assertThat(stats.last().effectiveLr().get(0)).isCloseTo(expected, within(1e-12));
        assertThat(opt.effectiveLr(w).toDoubleArray()[1]).isCloseTo(0.1 / (2 + 1e-8), within(1e-15));
    }
}
