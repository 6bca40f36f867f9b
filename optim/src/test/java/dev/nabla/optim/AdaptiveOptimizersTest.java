package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed first steps and hyperparameter checks of Adam, AdamW, RMSprop and Adagrad. */
class AdaptiveOptimizersTest {
    private static final Tensor P = Tensor.fromArray(new double[] {1.0}, 1);
    private static final Tensor G = Tensor.fromArray(new double[] {0.5}, 1);

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheGradientsSign() {
        Updated u = Adam.update(P, G, P.zerosLike(), P.zerosLike(), null, 1, new Adam.Options().withLr(0.1));
        assertThat(u.param().item()).isCloseTo(1 - 0.1 * 0.5 / (0.5 + 1e-8), within(1e-15));
        assertThat(u.state().keySet()).containsExactly("exp_avg", "exp_avg_sq");
        assertThat(u.state().get("exp_avg").item()).isCloseTo(0.05, within(1e-15));
        assertThat(u.state().get("exp_avg_sq").item()).isCloseTo(0.001 * 0.25, within(1e-18));
        assertThat(P.item()).as("pure").isEqualTo(1.0);
    }

    @Test
    void adamAddsWeightDecayToTheGradientAndAdamWToTheParameter() {
        Adam.Options o = new Adam.Options().withLr(0.1).withWeightDecay(0.5);
        Updated adam = Adam.update(P, G, P.zerosLike(), P.zerosLike(), null, 1, o);
        assertThat(adam.state().get("exp_avg").item()).isCloseTo(0.1 * (0.5 + 0.5), within(1e-15));
        Updated adamW = AdamW.update(P, G, P.zerosLike(), P.zerosLike(), null, 1, o);
        assertThat(adamW.state().get("exp_avg").item()).isCloseTo(0.05, within(1e-15));
        assertThat(adamW.param().item()).isCloseTo(1 * (1 - 0.05) - 0.1 * 0.5 / (0.5 + 1e-8), within(1e-15));
        assertThat(AdamW.defaultOptions().weightDecay()).isEqualTo(0.01);
    }

    @Test
    void amsgradDividesByTheLargestSecondMoment() {
        Adam.Options o = new Adam.Options().withLr(0.1).withAmsgrad(true);
        Tensor big = Tensor.fromArray(new double[] {4.0}, 1);
        Updated u = Adam.update(P, G, P.zerosLike(), P.zerosLike(), big, 2, o);
        assertThat(u.state().get("max_exp_avg_sq").item()).isEqualTo(4.0);
        double bc2 = Math.sqrt(1 - 0.999 * 0.999);
        double expected = 1 - 0.1 / (1 - 0.81) * 0.05 / (2 / bc2 + 1e-8);
        assertThat(u.param().item()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void rmspropCenteredWithMomentum() {
        RMSprop.Options o = new RMSprop.Options().withCentered(true).withMomentum(0.9).withAlpha(0.5);
        Updated u = RMSprop.update(P, G, P.zerosLike(), P.zerosLike(), P.zerosLike(), o);
        double v = 0.5 * 0.25;
        double a = 0.5 * 0.5;
        double b = 0.5 / (Math.sqrt(v - a * a) + 1e-8);
        assertThat(u.state().keySet()).containsExactly("square_avg", "momentum_buffer", "grad_avg");
        assertThat(u.state().get("momentum_buffer").item()).isCloseTo(b, within(1e-12));
        assertThat(u.param().item()).isCloseTo(1 - 0.01 * b, within(1e-14));
    }

    @Test
    void adagradDecaysItsLearningRatePerStep() {
        Adagrad.Options o = new Adagrad.Options().withLr(0.1).withLrDecay(0.5);
        Tensor sum = Tensor.fromArray(new double[] {0.75}, 1);
        Updated u = Adagrad.update(P, G, sum, 3, o);
        assertThat(u.state().get("sum").item()).isEqualTo(1.0);
        assertThat(u.param().item()).isCloseTo(1 - 0.1 / (1 + 2 * 0.5) * 0.5 / (1 + 1e-10), within(1e-15));
        Tensor w = Tensor.fromArray(new double[] {1.0}, 1).requiresGrad(true);
        Adagrad opt = new Adagrad(List.of(w), o.withInitialAccumulatorValue(0.3));
        w.setGrad(G);
        opt.step();
        assertThat(opt.state(w).get("sum").item()).isCloseTo(0.3 + 0.25, within(1e-15));
    }

    @Test
    void rejectsInvalidHyperparameters() {
        assertThatThrownBy(() -> new Adam.Options().withLr(-1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam: invalid learning rate -0.001; it must be a number >= 0");
        assertThatThrownBy(() -> new Adam.Options().withBetas(0.9, 1.0))
                .hasMessage("Adam: invalid beta2 1.0; it must lie in [0, 1)");
        assertThatThrownBy(() -> new Adam.Options().withBetas(-0.1, 0.9))
                .hasMessage("Adam: invalid beta1 -0.1; it must lie in [0, 1)");
        assertThatThrownBy(() -> new Adam.Options().withEps(-1)).hasMessageContaining("Adam: invalid epsilon -1.0");
        assertThatThrownBy(() -> new RMSprop.Options().withAlpha(-0.5)).hasMessageContaining("RMSprop: invalid alpha");
        assertThatThrownBy(() -> new RMSprop.Options().withMomentum(Double.NaN))
                .hasMessageContaining("RMSprop: invalid momentum NaN");
        assertThatThrownBy(() -> new Adagrad.Options().withLrDecay(-1)).hasMessageContaining("Adagrad: invalid lr decay");
        assertThatThrownBy(() -> new Adagrad.Options().withInitialAccumulatorValue(-1))
                .hasMessageContaining("Adagrad: invalid initial accumulator value -1.0");
        assertThatThrownBy(() -> new AdamW(List.of())).hasMessageStartingWith("AdamW: empty parameter list");
    }

    @Test
    void loadingAnAdamStateDictIntoAdamWFails() {
        Tensor w = Tensor.fromArray(new double[] {1.0}, 1).requiresGrad(true);
        Adam adam = new Adam(List.of(w));
        w.setGrad(G);
        adam.step();
        AdamW adamW = new AdamW(List.of(Tensor.zeros(1).requiresGrad(true)));
        assertThatThrownBy(() -> adamW.loadStateDict(adam.stateDict()))
                .hasMessageContaining("the state dict is of Adam, not AdamW");
        Adam amsgrad = new Adam(List.of(Tensor.zeros(1).requiresGrad(true)), new Adam.Options().withAmsgrad(true));
        Map<String, Tensor> withFlag = new LinkedHashMap<>(adam.stateDict());
        withFlag.put("param_groups.0.amsgrad", Tensor.scalar(1));
        assertThatThrownBy(() -> amsgrad.loadStateDict(withFlag))
                .hasMessageContaining("state.0.max_exp_avg_sq is missing");
        withFlag.put("param_groups.0.amsgrad", Tensor.scalar(0.5));
        assertThatThrownBy(() -> amsgrad.loadStateDict(withFlag))
                .hasMessageContaining("hyperparameter amsgrad = 0.5 must be 0 or 1");
    }
}
