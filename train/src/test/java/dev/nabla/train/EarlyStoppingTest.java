package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.callbacks.EarlyStopping;
import dev.nabla.train.callbacks.Mode;
import dev.nabla.train.metrics.Accuracy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static Trainer trainer(Sequential model) {
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.02));
        return Trainer.builder(model, new CrossEntropyLoss(), adam)
                .metrics(new Accuracy()).build();
    }

    /** Drives {@code callback} through epochs whose {@code val_loss} and {@code val_accuracy} are given. */
    private static int epochsRun(Callback callback, double[] valLoss, double[] valAccuracy) {
        Trainer trainer = trainer(Moons.model(1));
        FitContext context = new FitContext(trainer, valLoss.length, 1, 1,
                List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr"));
        callback.onFitStart(context);
        int e = 0;
        while (e < valLoss.length && !context.stopRequested()) {
            context.moveTo(e, 1);
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("val_loss", valLoss[e]);
            logs.put("val_accuracy", valAccuracy[e]);
            callback.onEpochEnd(context, logs);
            e++;
        }
        return e;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementBeyondMinDelta() {
        double[] loss = {1.0, 0.8, 0.79, 0.795, 0.7, 0.6, 0.5};
        double[] acc = {0.5, 0.6, 0.7, 0.7, 0.7, 0.7, 0.7};
        EarlyStopping strict = new EarlyStopping("val_loss", Mode.MIN, 2, 0.05, false);
        assertThat(epochsRun(strict, loss, acc)).isEqualTo(4);     // 0.79 and 0.795 are within 0.05 of 0.8
        assertThat(strict.bestEpoch()).isEqualTo(1);
        assertThat(strict.best()).isEqualTo(0.8);
        assertThat(strict.stoppedEpoch()).isEqualTo(3);

        EarlyStopping loose = new EarlyStopping("val_loss", Mode.MIN, 2, 0, false);
        assertThat(epochsRun(loose, loss, acc)).isEqualTo(7);
        assertThat(loose.stoppedEpoch()).isEqualTo(-1);
        assertThat(loose.bestEpoch()).isEqualTo(6);

        EarlyStopping impatient = new EarlyStopping("val_loss", Mode.MIN, 0, 0, false);
        assertThat(epochsRun(impatient, loss, acc)).isEqualTo(4);  // stops at the first epoch without improvement

        EarlyStopping accuracy = new EarlyStopping("val_accuracy", 1);   // AUTO: accuracy rises
        assertThat(epochsRun(accuracy, loss, acc)).isEqualTo(4);
        assertThat(accuracy.best()).isEqualTo(0.7);
        EarlyStopping accuracyAsMin = new EarlyStopping("val_accuracy", Mode.MIN, 1, 0, false);
        assertThat(epochsRun(accuracyAsMin, loss, acc)).isEqualTo(2);
    }

    @Test
    void stopsAFitAndRestoresTheWeightsOfTheBestEpoch() {
        Rng.manualSeed(5);
        ArrayDataset train = Moons.data(400, 1);
        ArrayDataset flipped = Moons.data(100, 2);
        // The validation labels are the wrong ones: the better the model learns, the worse val_loss gets.
        ArrayDataset validation = ArrayDataset.of(flipped.features(), flipped.labels().neg().add(1));
        DataLoader validationLoader = Moons.inOrder(validation);
        Trainer trainer = trainer(Moons.model(3));
        List<Map<String, float[]>> weightsAfterEpoch = new ArrayList<>();
        Callback snapshots = new Callback() {
            @Override
            public void onEpochEnd(FitContext context, Map<String, Double> logs) {
                Map<String, float[]> copy = new LinkedHashMap<>();
                context.model().stateDict().forEach((k, v) -> copy.put(k, v.toFloatArray()));
                weightsAfterEpoch.add(copy);
            }
        };
        EarlyStopping stopping = new EarlyStopping("val_loss", 2);

        History history = trainer.fit(Moons.shuffled(train, 4), validationLoader, 30, snapshots, stopping);

        List<Double> valLoss = history.get("val_loss");
        int best = valLoss.indexOf(valLoss.stream().min(Double::compare).orElseThrow());
        assertThat(history.epochs()).isLessThan(30).isEqualTo(stopping.stoppedEpoch() + 1);
        assertThat(stopping.bestEpoch()).isEqualTo(best);
        assertThat(stopping.stoppedEpoch()).isEqualTo(best + 2);
        Map<String, Tensor> finalWeights = trainer.model().stateDict();
        weightsAfterEpoch.get(best).forEach((k, v) -> assertThat(finalWeights.get(k).toFloatArray()).as(k)
                .containsExactly(v));
        assertThat(finalWeights.get("0.weight").toFloatArray())
                .isNotEqualTo(weightsAfterEpoch.get(history.epochs() - 1).get("0.weight"));
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThatThrownBy(() -> new EarlyStopping("val_loss", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EarlyStopping: patience must be >= 0, got -1");
        assertThatThrownBy(() -> new EarlyStopping("val_loss", Mode.MIN, 1, -0.1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EarlyStopping: minDelta must be finite and >= 0, got -0.1");
        ArrayDataset data = Moons.data(64, 1);
        Trainer trainer = trainer(Moons.model(1));
        assertThatThrownBy(() -> trainer.fit(Moons.shuffled(data, 1), Moons.inOrder(data), 3,
                new EarlyStopping("val_los", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EarlyStopping: unknown monitor 'val_los'; this fit records [loss, accuracy, val_loss,"
                        + " val_accuracy, lr]");
        assertThatThrownBy(() -> trainer.fit(Moons.shuffled(data, 1), null, 3, new EarlyStopping("val_loss", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EarlyStopping: unknown monitor 'val_loss'; this fit records [loss, accuracy, lr];"
                        + " val_ values need a validation loader");
        assertThat(trainer.epochsDone()).isZero();
    }
}
