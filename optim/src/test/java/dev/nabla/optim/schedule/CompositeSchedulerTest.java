package dev.nabla.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.SGD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeSchedulerTest {
    @Test
    void chainedSchedulersMultiplyTheirFactors() {
        SGD opt = Optimizers.sgd(1.0);
        ChainedScheduler s = new ChainedScheduler(List.of(new ConstantLR(opt, 0.1, 2), new ExponentialLR(opt, 0.5)));
        assertThat(s.getLastLr().get(0)).isCloseTo(0.1, within(1e-15));
        s.step();
        assertThat(s.getLastLr().get(0)).isCloseTo(0.05, within(1e-15));
        s.step();
        assertThat(s.getLastLr().get(0)).as("the warm-up is over").isCloseTo(0.25, within(1e-15));
        assertThat(s.stateDict().keySet()).containsExactly("scheduler.ChainedScheduler", "last_lr",
                "schedulers.0.scheduler.ConstantLR", "schedulers.0.base_lrs", "schedulers.0.last_epoch",
                "schedulers.0.last_lr", "schedulers.0.factor", "schedulers.0.total_iters",
                "schedulers.1.scheduler.ExponentialLR", "schedulers.1.base_lrs", "schedulers.1.last_epoch",
                "schedulers.1.last_lr", "schedulers.1.gamma");
    }

    @Test
    void sequentialStartsEachSchedulerAtItsMilestone() {
        SGD opt = Optimizers.sgd(1.0);
        LinearLR warmUp = new LinearLR(opt, 0.5, 1.0, 2);
        StepLR decay = new StepLR(opt, 1, 0.5);
        SequentialLR s = new SequentialLR(opt, List.of(warmUp, decay), 2);
        assertThat(s.getLastLr()).containsExactly(0.5);
        s.step();
        assertThat(s.getLastLr()).containsExactly(0.75);
        s.step();
        assertThat(s.getLastLr()).as("the decay starts from the base rate").containsExactly(1.0);
        s.step();
        assertThat(s.getLastLr()).containsExactly(0.5);
        assertThat(s.lastEpoch()).isEqualTo(3);
    }

    @Test
    void rejectsSchedulersOfOtherOptimizersAndMilestonesThatDoNotFit() {
        SGD a = Optimizers.sgd(1.0);
        SGD b = Optimizers.sgd(1.0);
        StepLR ofA = new StepLR(a, 2);
        StepLR ofB = new StepLR(b, 2);
        assertThatThrownBy(() -> new ChainedScheduler(List.of(ofA, ofB))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChainedScheduler: scheduler 1 (StepLR) belongs to another optimizer than scheduler 0"
                        + " (StepLR); all must set the learning rates of one optimizer");
        assertThatThrownBy(() -> new ChainedScheduler(List.of())).hasMessage("ChainedScheduler: no schedulers; pass"
                + " at least one");
        assertThatThrownBy(() -> new SequentialLR(b, List.of(ofA), new int[0]))
                .hasMessage("SequentialLR: the schedulers belong to another optimizer than the one given");
        StepLR second = new StepLR(a, 3);
        assertThatThrownBy(() -> new SequentialLR(a, List.of(ofA, second)))
                .hasMessage("SequentialLR: 2 schedulers need 1 milestones, got 0 []");
        assertThatThrownBy(() -> new SequentialLR(a, List.of(ofA, second), 0))
                .hasMessage("SequentialLR: milestones [0] must be increasing epochs >= 1");
    }

    @Test
    void aBadChildStateDictLoadsNothingAtAll() {
        SGD opt = Optimizers.sgd(1.0);
        SequentialLR s = new SequentialLR(opt, List.of(new ConstantLR(opt, 0.5, 2), new ExponentialLR(opt, 0.9)), 2);
        for (int k = 0; k < 4; k++) {
            s.step();
        }
        Map<String, Tensor> state = new LinkedHashMap<>(s.stateDict());
        state.put("schedulers.1.gamma", Tensor.scalar(0.8));

        SGD fresh = Optimizers.sgd(1.0);
        ConstantLR first = new ConstantLR(fresh, 0.5, 2);
        SequentialLR other = new SequentialLR(fresh, List.of(first, new ExponentialLR(fresh, 0.9)), 2);
        assertThatThrownBy(() -> other.loadStateDict(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SequentialLR.loadStateDict: nothing was loaded; schedulers.1.*:"
                        + " ExponentialLR.loadStateDict: nothing was loaded; gamma is 0.800000011920929 in the state"
                        + " dict but 0.9 in this scheduler");
        assertThat(other.lastEpoch()).isZero();
        assertThat(first.lastEpoch()).as("the valid first child was not loaded either").isZero();
    }
}
