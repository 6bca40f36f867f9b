package dev.nabla.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.optim.SGD;
import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {
    @Test
    void reducesAfterPatienceRunsOutThenCoolsDown() {
        SGD opt = Optimizers.sgd(1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withPatience(1)
                .withFactor(0.5).withCooldown(1).withMinLr(0.3));
        s.step(1.0);
        s.step(1.0);
        assertThat(s.getLastLr()).as("one bad epoch is tolerated").containsExactly(1.0);
        s.step(1.0);
        assertThat(s.getLastLr()).containsExactly(0.5);
        s.step(1.0);
        s.step(1.0);
        assertThat(s.getLastLr()).as("the cooldown epoch is not counted").containsExactly(0.5);
        s.step(1.0);
        assertThat(s.getLastLr()).as("never below minLr").containsExactly(0.3);
        assertThat(s.best()).isEqualTo(1.0);
        assertThat(s.lastEpoch()).isEqualTo(6);
    }

    @Test
    void stateDictRoundTrips() {
        SGD opt = Optimizers.sgd(1.0, 0.5);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withPatience(2)
                .withMode(ReduceLROnPlateau.Mode.MAX).withMinLr(0.1, 0.2));
        s.step(0.5);
        s.step(0.4);
        SGD other = Optimizers.sgd(1.0, 0.5);
        ReduceLROnPlateau resumed = new ReduceLROnPlateau(other, ReduceLROnPlateau.Options.defaults().withPatience(2)
                .withMode(ReduceLROnPlateau.Mode.MAX).withMinLr(0.1, 0.2));
        resumed.loadStateDict(s.stateDict());
        assertThat(resumed.best()).isEqualTo(0.5);
        assertThat(resumed.numBadEpochs()).isEqualTo(1);
        assertThat(resumed.stateDict().get("min_lrs").toDoubleArray()).containsExactly(0.1, 0.2);
        ReduceLROnPlateau minMode = new ReduceLROnPlateau(Optimizers.sgd(1.0, 0.5),
                ReduceLROnPlateau.Options.defaults().withPatience(2).withMinLr(0.1, 0.2));
        assertThatThrownBy(() -> minMode.loadStateDict(s.stateDict()))
                .hasMessageContaining("mode is 1.0 in the state dict but 0.0 in this scheduler");
    }

    @Test
    void rejectsBadInput() {
        SGD opt = Optimizers.sgd(1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt);
        assertThatThrownBy(() -> s.step(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReduceLROnPlateau.step: the metric is NaN (has training diverged?); pass a number");
        assertThatThrownBy(() -> ReduceLROnPlateau.Options.defaults().withFactor(1))
                .hasMessage("ReduceLROnPlateau: factor 1.0 must lie in (0, 1)");
        assertThatThrownBy(() -> ReduceLROnPlateau.Options.defaults().withPatience(-1))
                .hasMessage("ReduceLROnPlateau: patience -1 must be >= 0");
        assertThatThrownBy(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withMinLr(0.1, 0.2)))
                .hasMessage("ReduceLROnPlateau: 2 minLrs for 1 param groups; give one value, or one per group");
    }
}
