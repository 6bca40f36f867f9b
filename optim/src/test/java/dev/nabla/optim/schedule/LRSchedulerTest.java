package dev.nabla.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LRSchedulerTest {
    @Test
    void constructionTakesTheFirstStepAndStepMovesOneEpoch() {
        SGD opt = Optimizers.sgd(0.1, 0.02);
        StepLR s = new StepLR(opt, 2, 0.5);
        assertThat(s.lastEpoch()).isZero();
        assertThat(s.getLastLr()).containsExactly(0.1, 0.02);
        s.step();
        s.step();
        assertThat(s.lastEpoch()).isEqualTo(2);
        assertThat(s.getLastLr()).containsExactly(0.05, 0.01);
        assertThat(opt.paramGroups().get(1).lr()).isEqualTo(0.01);
        assertThat(s).hasToString("StepLR(epoch 2, lr [0.05, 0.01])");
    }

    @Test
    void closedFormJumpsFromTheBaseLearningRate() {
        SGD opt = Optimizers.sgd(1.0);
        ExponentialLR s = new ExponentialLR(opt, 0.5);
        opt.paramGroups().get(0).setLr(7);
        s.step(3);
        assertThat(s.getLastLr()).containsExactly(0.125);
        s.step();
        assertThat(s.getLastLr()).as("the chainable form goes on from the current rate").containsExactly(0.0625);
        assertThatThrownBy(() -> s.step(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExponentialLR.step: epoch -1 must be >= 0");
    }

    @Test
    void aDecayMadeAfterAWarmUpStillDecaysFromTheOriginalRate() {
        SGD opt = Optimizers.sgd(1.0);
        new LinearLR(opt, 0.1, 1.0, 4);
        assertThat(opt.paramGroups().get(0).lr()).isCloseTo(0.1, within(1e-15));
        CosineAnnealingLR cosine = new CosineAnnealingLR(opt, 10);
        assertThat(cosine.baseLr(0)).as("PyTorch's initial_lr, shared by the schedulers of a group").isEqualTo(1.0);
    }

    @Test
    void aParamGroupAddedAfterwardsIsAnError() {
        SGD opt = Optimizers.sgd(0.1);
        StepLR s = new StepLR(opt, 3);
        opt.addParamGroup(List.of(Optimizers.param()), opt.defaults());
        assertThatThrownBy(s::step).isInstanceOf(IllegalStateException.class)
                .hasMessage("StepLR: the optimizer has 2 param groups but this scheduler was made for 1; make the"
                        + " scheduler after adding every param group");
    }

    @Test
    void rejectsSettingsOutOfRange() {
        SGD opt = Optimizers.sgd(0.1);
        assertThatThrownBy(() -> new StepLR(opt, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepLR: stepSize 0 must be >= 1");
        assertThatThrownBy(() -> new StepLR(opt, 3, -0.5)).hasMessage("StepLR: gamma -0.5 must be a finite number > 0");
        assertThatThrownBy(() -> new ExponentialLR(opt, Double.NaN)).hasMessageContaining("gamma NaN must be");
        assertThatThrownBy(() -> new MultiStepLR(opt, 3, -2)).hasMessage("MultiStepLR: milestone -2 must be >= 0");
        assertThatThrownBy(() -> new ConstantLR(opt, 0, 3)).hasMessage("ConstantLR: factor 0.0 must lie in (0, 1]");
        assertThatThrownBy(() -> new ConstantLR(opt, 0.5, 0)).hasMessage("ConstantLR: totalIters 0 must be >= 1");
        assertThatThrownBy(() -> new LinearLR(opt, 1.5, 1, 3))
                .hasMessage("LinearLR: startFactor 1.5 must lie in (0, 1]");
        assertThatThrownBy(() -> new LinearLR(opt, 0.5, -1, 3))
                .hasMessage("LinearLR: endFactor -1.0 must lie in [0, 1]");
        assertThatThrownBy(() -> new CosineAnnealingLR(opt, 0)).hasMessage("CosineAnnealingLR: tMax 0 must be >= 1");
        assertThatThrownBy(() -> new CosineAnnealingLR(opt, 5, -1))
                .hasMessage("CosineAnnealingLR: etaMin -1.0 must be a finite number >= 0");
        assertThatThrownBy(() -> new CosineAnnealingWarmRestarts(opt, 5, 0, 0))
                .hasMessage("CosineAnnealingWarmRestarts: tMult 0 must be >= 1");
        CosineAnnealingWarmRestarts restarts = new CosineAnnealingWarmRestarts(opt, 5);
        assertThatThrownBy(() -> restarts.step(Double.NaN))
                .hasMessage("CosineAnnealingWarmRestarts.step: epoch NaN must be a finite number >= 0");
        assertThat(opt.paramGroups().get(0).lr()).as("failed constructions leave the rate alone").isEqualTo(0.1);
    }

    @Test
    void warmRestartsLengthenEachCycle() {
        SGD opt = Optimizers.sgd(1.0);
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(opt, 2, 2, 0);
        double[] lrs = new double[8];
        for (int k = 0; k < lrs.length; k++) {
            lrs[k] = opt.paramGroups().get(0).lr();
            s.step();
        }
        assertThat(lrs[0]).isEqualTo(1.0);
        assertThat(lrs[1]).isCloseTo(0.5, within(1e-15));
        assertThat(lrs[2]).as("restart after 2 epochs").isEqualTo(1.0);
        assertThat(lrs[4]).as("the second cycle is 4 long").isCloseTo(0.5, within(1e-15));
        assertThat(lrs[6]).as("restart after 2 + 4 epochs").isEqualTo(1.0);
    }

    @Test
    void stateDictNamesItsEntriesAndRestoresProgressOnly() {
        SGD opt = Optimizers.sgd(0.1, 0.02);
        StepLR s = new StepLR(opt, 2, 0.5);
        s.step();
        s.step();
        Map<String, Tensor> state = s.stateDict();
        assertThat(state.keySet()).containsExactly("scheduler.StepLR", "base_lrs", "last_epoch", "last_lr",
                "step_size", "gamma");
        assertThat(state.get("base_lrs").toDoubleArray()).containsExactly(0.1, 0.02);
        assertThat(state.get("step_size").rank()).isZero();

        SGD other = Optimizers.sgd(0.1, 0.02);
        StepLR resumed = new StepLR(other, 2, 0.5);
        resumed.loadStateDict(state);
        other.loadStateDict(opt.stateDict());
        resumed.step();
        resumed.step();
        s.step();
        s.step();
        assertThat(resumed.getLastLr()).isEqualTo(s.getLastLr()).containsExactly(0.025, 0.005);
        assertThat(resumed.lastEpoch()).isEqualTo(4);
    }

    @Test
    void loadingChecksEverythingFirstAndChangesNothingOnError() {
        SGD opt = Optimizers.sgd(0.1);
        StepLR saved = new StepLR(opt, 2, 0.5);
        saved.step();
        Map<String, Tensor> state = saved.stateDict();
        StepLR other = new StepLR(Optimizers.sgd(0.1), 3, 0.5);
        assertThatThrownBy(() -> other.loadStateDict(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StepLR.loadStateDict: nothing was loaded; step_size is 2.0 in the state dict but 3.0 in"
                        + " this scheduler (make the scheduler with the settings it was saved with)");
        assertThat(other.lastEpoch()).isZero();

        assertThatThrownBy(() -> new ExponentialLR(Optimizers.sgd(0.1), 0.5).loadStateDict(state))
                .hasMessage("ExponentialLR.loadStateDict: nothing was loaded; the state dict is of StepLR, not"
                        + " ExponentialLR; load it into a scheduler of that type");
        assertThatThrownBy(() -> other.loadStateDict(opt.stateDict()))
                .hasMessageContaining("this is not a scheduler state dict");

        Map<String, Tensor> damaged = new java.util.LinkedHashMap<>(state);
        damaged.remove("last_epoch");
        damaged.put("base_lrs", Tensor.fromArray(new double[] {0.1, 0.2}, 2));
        damaged.put("extra", Tensor.scalar(1));
        StepLR same = new StepLR(Optimizers.sgd(0.1), 2, 0.5);
        assertThatThrownBy(() -> same.loadStateDict(damaged))
                .hasMessage("StepLR.loadStateDict: nothing was loaded; base_lrs must have shape [1] (one value per"
                        + " param group), got [2]; missing key last_epoch; unexpected keys [extra]");
    }
}
