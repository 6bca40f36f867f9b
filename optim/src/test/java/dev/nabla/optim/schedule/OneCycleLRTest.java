package dev.nabla.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.optim.HyperparameterAccess;
import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

class OneCycleLRTest {
    @Test
    void risesToThePeakAndFallsToTheMinimum() {
        SGD opt = Optimizers.sgd(0.5);
        OneCycleLR s = new OneCycleLR(opt, 1.0, 10, OneCycleLR.Options.defaults().withPctStart(0.5)
                .withAnnealStrategy(OneCycleLR.AnnealStrategy.LINEAR).withDivFactor(10).withFinalDivFactor(100));
        assertThat(s.getLastLr()).containsExactly(0.1);
        assertThat(s.baseLr(0)).isEqualTo(0.1);
        for (int k = 0; k < 4; k++) {
            s.step();
        }
        assertThat(s.getLastLr().get(0)).isCloseTo(1.0, within(1e-15));
        for (int k = 0; k < 5; k++) {
            s.step();
        }
        assertThat(s.getLastLr().get(0)).as("maxLr / divFactor / finalDivFactor").isCloseTo(1e-3, within(1e-15));
    }

    @Test
    void cyclesMomentumOrBeta1InverselyToTheLearningRate() {
        SGD sgd = Optimizers.sgd(0.5);
        OneCycleLR s = new OneCycleLR(sgd, 1.0, 10);
        assertThat(HyperparameterAccess.get(sgd.paramGroups().get(0).options(), "momentum")).isEqualTo(0.95);
        s.step();
        s.step();
        assertThat(HyperparameterAccess.get(sgd.paramGroups().get(0).options(), "momentum")).as("at the peak")
                .isCloseTo(0.85, within(1e-15));

        Optimizers.Betas adamLike = new Optimizers.Betas(0.01);
        OneCycleLR betas = new OneCycleLR(adamLike, 1.0, 10);
        assertThat(adamLike.paramGroups().get(0).options().beta1()).isEqualTo(0.95);
        betas.step();
        betas.step();
        assertThat(adamLike.paramGroups().get(0).options().beta1()).isCloseTo(0.85, within(1e-15));
        assertThat(adamLike.paramGroups().get(0).options().beta2()).isEqualTo(0.999);
    }

    @Test
    void anOptimizerWithoutMomentumNeedsCycleMomentumOff() {
        Optimizers.Plain plain = new Optimizers.Plain(0.1);
        assertThatThrownBy(() -> new OneCycleLR(plain, 1.0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OneCycleLR: cycling the momentum needs an optimizer with a momentum or beta1"
                        + " hyperparameter, and PlainOptions has neither; use options.withCycleMomentum(false)");
        OneCycleLR s = new OneCycleLR(plain, 1.0, 10, OneCycleLR.Options.defaults().withCycleMomentum(false));
        assertThat(s.getLastLr().get(0)).isCloseTo(0.04, within(1e-15));
    }

    @Test
    void stepsPastTheEndAreAnErrorThatChangesNothing() {
        SGD opt = Optimizers.sgd(0.1);
        OneCycleLR s = new OneCycleLR(opt, 1.0, 3, OneCycleLR.Options.defaults()
                .withAnnealStrategy(OneCycleLR.AnnealStrategy.LINEAR).withPctStart(0.5));
        for (int k = 0; k < 3; k++) {
            s.step();
        }
        assertThat(s.getLastLr()).as("the extrapolated last step would be negative").containsExactly(0.0);
        assertThatThrownBy(s::step).isInstanceOf(IllegalStateException.class)
                .hasMessage("OneCycleLR: step 4 is past the end of the schedule (totalSteps 3); make it with more"
                        + " steps (epochs times batches per epoch)");
        assertThat(s.lastEpoch()).isEqualTo(3);
    }

    @Test
    void rejectsBadSettings() {
        SGD opt = Optimizers.sgd(0.1, 0.2);
        assertThatThrownBy(() -> new OneCycleLR(opt, new double[] {1}, 10, OneCycleLR.Options.defaults()))
                .hasMessage("OneCycleLR: 1 maxLrs for 2 param groups; give one per group");
        assertThatThrownBy(() -> new OneCycleLR(opt, 0, 10))
                .hasMessage("OneCycleLR: maxLr 0.0 must be a finite number > 0");
        assertThatThrownBy(() -> new OneCycleLR(opt, 1, 0)).hasMessage("OneCycleLR: totalSteps 0 must be >= 1");
        assertThatThrownBy(() -> OneCycleLR.Options.defaults().withPctStart(1.5))
                .hasMessage("OneCycleLR: pctStart 1.5 must lie in [0, 1]");
        assertThatThrownBy(() -> OneCycleLR.Options.defaults().withDivFactor(0))
                .hasMessage("OneCycleLR: divFactor 0.0 must be a finite number > 0");
        assertThatThrownBy(() -> new OneCycleLR(opt, 1, 10, OneCycleLR.Options.defaults().withPctStart(0.1)))
                .hasMessage("OneCycleLR: phase 1 would have no steps (it starts and ends at step 0.0 with totalSteps"
                        + " 10, pctStart 0.1); choose them so that every phase has a length");
        assertThat(opt.paramGroups().get(0).options().momentum()).as("nothing was changed").isEqualTo(0.9);
    }
}
