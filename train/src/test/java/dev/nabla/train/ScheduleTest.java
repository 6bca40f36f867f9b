package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.data.ArrayDataset;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.SGD;
import dev.nabla.optim.schedule.ReduceLROnPlateau;
import dev.nabla.optim.schedule.StepLR;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.callbacks.LearningRateScheduler;
import dev.nabla.train.callbacks.LearningRateScheduler.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private final ArrayDataset data = Moons.data(100, 1);   // 4 batches per epoch

    private static SGD sgd(Sequential model) {
        return new SGD(model.parameters(), SGD.Options.lr(0.1));
    }

    /** The learning rate of each training batch, read before its step. */
    private static final class LrPerBatch implements Callback {
        final List<Double> rates = new ArrayList<>();

        @Override
        public void onBatchEnd(FitContext context, BatchEnd batch) {
            rates.add(context.optimizer().paramGroups().get(0).lr());
        }
    }

    @Test
    void anEpochScheduleStepsAfterEachEpoch() {
        Rng.manualSeed(1);
        Sequential model = Moons.model(2);
        SGD sgd = sgd(model);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), sgd)
                .schedule(new StepLR(sgd, 2, 0.1), Interval.EPOCH).build();
        History history = trainer.fit(Moons.shuffled(data, 3), null, 5);
        assertThat(doubles(history.get("lr")))
                .containsExactly(new double[] {0.1, 0.1, 0.01, 0.01, 0.001}, within(1e-15));
        assertThat(trainer.settings().get("schedule")).startsWith("StepLR(epoch 5").endsWith(" per epoch");
    }

    @Test
    void aBatchScheduleStepsAfterEachBatchBeforeOtherCallbacksSeeIt() {
        Rng.manualSeed(1);
        Sequential model = Moons.model(2);
        SGD sgd = sgd(model);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), sgd)
                .schedule(new StepLR(sgd, 3, 0.5), Interval.BATCH).build();
        LrPerBatch seen = new LrPerBatch();
        History history = trainer.fit(Moons.shuffled(data, 3), null, 2, seen);
        // after batches 1..8: steps 1..8 of StepLR(3, 0.5)
        assertThat(doubles(seen.rates))
                .containsExactly(new double[] {0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025}, within(1e-15));
        // the rate of each epoch's last batch: batch 4 ran at 0.05, batch 8 at 0.025
        assertThat(doubles(history.get("lr"))).containsExactly(new double[] {0.05, 0.025}, within(1e-15));
    }

    @Test
    void aPlateauScheduleLowersTheRateWhenTheMonitoredValueStalls() {
        Rng.manualSeed(1);
        Sequential model = Moons.model(2);
        SGD sgd = new SGD(model.parameters(), SGD.Options.lr(0.0));   // no learning: the loss cannot improve
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd, ReduceLROnPlateau.Options.defaults().withPatience(1));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), sgd)
                .schedule(LearningRateScheduler.onPlateau(plateau, "val_loss")).build();
        trainer.fit(Moons.shuffled(data, 3), Moons.inOrder(data), 4);
        assertThat(plateau.lastEpoch()).isEqualTo(4);
        assertThat(plateau.numBadEpochs()).isPositive();
        Trainer withoutValidation = Trainer.builder(model, new CrossEntropyLoss(), sgd)
                .schedule(LearningRateScheduler.onPlateau(new ReduceLROnPlateau(sgd), "val_loss")).build();
        assertThatThrownBy(() -> withoutValidation.fit(Moons.shuffled(data, 3), null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LearningRateScheduler: unknown monitor 'val_loss'; this fit records [loss, lr]; val_"
                        + " values need a validation loader");
    }

    @Test
    void aScheduleOfAnotherOptimizerIsAClearError() {
        Sequential model = Moons.model(2);
        SGD other = sgd(Moons.model(3));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), sgd(model))
                .schedule(new StepLR(other, 2), Interval.EPOCH).build();
        assertThatThrownBy(() -> trainer.fit(Moons.shuffled(data, 3), null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LearningRateScheduler: the schedule sets the learning rates of SGD(1 group, 6 params), not"
                        + " of the trainer's optimizer SGD(1 group, 6 params); make it with the trainer's optimizer");
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
