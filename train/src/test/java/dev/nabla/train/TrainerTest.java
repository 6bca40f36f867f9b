package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.nn.loss.Reduction;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.metrics.Accuracy;
import dev.nabla.train.metrics.ConfusionMatrix;
import dev.nabla.train.metrics.TopKAccuracy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static Trainer trainer(Sequential model) {
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.01));
        return Trainer.builder(model, new CrossEntropyLoss(), adam)
                .metrics(new Accuracy())
                .build();
    }

    @Test
    void fitLearnsTwoMoonsAndRecordsEveryMetricPerEpoch() {
        Rng.manualSeed(3);
        ArrayDataset train = Moons.data(800, 1);
        ArrayDataset validation = Moons.data(200, 2);
        Trainer trainer = trainer(Moons.model(4));
        History history = trainer.fit(Moons.shuffled(train, 5), Moons.inOrder(validation), 20);

        assertThat(history.epochs()).isEqualTo(20);
        assertThat(history.names()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy", "lr");
        assertThat(history.last("val_accuracy")).isGreaterThanOrEqualTo(0.97);
        assertThat(history.last("accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(history.last("loss")).isLessThan(history.get("loss").get(0) / 3);
        assertThat(history.get("lr")).containsOnly(0.01);
        assertThat(trainer.epochsDone()).isEqualTo(20);
        assertThat(trainer.model().isTraining()).isTrue();
    }

    @Test
    void evaluateIsExactOverTheWholeSetAndLeavesTheModeAndMetricsAlone() {
        Rng.manualSeed(3);
        ArrayDataset data = Moons.data(300, 1);
        Trainer trainer = Trainer.builder(Moons.model(4), new CrossEntropyLoss(), new Adam(Moons.model(4).parameters()))
                .metrics(new Accuracy(), new TopKAccuracy(1))
                .build();
        Accuracy accuracy = (Accuracy) trainer.metrics().get(0);
        accuracy.update(Tensor.of(new double[][] {{1, 0}}), Tensor.of(0));

        Map<String, Double> result = trainer.evaluate(Moons.inOrder(data));   // batches of 64, the last of 44

        trainer.model().eval();
        Tensor output = trainer.model().call(data.features());
        trainer.model().train();
        double loss = new CrossEntropyLoss().apply(output, data.labels()).item();
        Accuracy whole = new Accuracy();
        whole.update(output, data.labels());
        assertThat(result.keySet()).containsExactly("loss", "accuracy", "top1_accuracy");
        assertThat(result.get("loss")).isCloseTo(loss, within(1e-6));
        assertThat(result.get("accuracy")).isEqualTo(whole.result()).isEqualTo(result.get("top1_accuracy"));
        assertThat(trainer.model().isTraining()).isTrue();
        assertThat(accuracy.result()).isEqualTo(1.0);
    }

    @Test
    void anEvaluatorNeedsNoOptimizerAndAgreesWithTheTrainer() {
        Rng.manualSeed(3);
        ArrayDataset data = Moons.data(300, 1);
        Sequential model = Moons.model(4);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
                .metrics(new Accuracy()).build();
        Evaluator evaluator = new Evaluator(model, new CrossEntropyLoss(), java.util.List.of(new Accuracy()));
        assertThat(evaluator.evaluate(Moons.inOrder(data))).isEqualTo(trainer.evaluate(Moons.inOrder(data)));
        assertThat(evaluator.confusionMatrix(Moons.inOrder(data)).toArray())
                .isEqualTo(trainer.confusionMatrix(Moons.inOrder(data)).toArray());
        assertThat(evaluator.predict(data.features()).shape()).isEqualTo(Shape.of(300, 2));
    }

    @Test
    void predictAndConfusionMatrixFollowTheLoadersOrder() {
        Rng.manualSeed(3);
        ArrayDataset data = Moons.data(150, 1);
        Trainer trainer = trainer(Moons.model(4));
        DataLoader loader = Moons.inOrder(data);

        Tensor predicted = trainer.predict(loader);
        assertThat(predicted.shape()).isEqualTo(Shape.of(150, 2));
        assertThat(predicted.toFloatArray()).containsExactly(trainer.predict(data.features()).toFloatArray());
        ConfusionMatrix matrix = trainer.confusionMatrix(loader);
        assertThat(matrix.total()).isEqualTo(150);
        assertThat(matrix.accuracy()).isEqualTo(trainer.evaluate(loader).get("accuracy"));
    }

    @Test
    void callbacksSeeEveryBatchAndEpochInOrder() {
        Rng.manualSeed(3);
        ArrayDataset data = Moons.data(100, 1);   // 4 batches of 32, 32, 32, 4
        List<String> events = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onFitStart(FitContext c) {
                events.add("start " + c.epochs() + " " + c.batchesPerEpoch() + " " + c.samplesPerEpoch());
            }

            @Override
            public void onEpochStart(FitContext c) {
                events.add("epoch " + c.epoch());
            }

            @Override
            public void onBatchEnd(FitContext c, BatchEnd b) {
                events.add(b.batch() + ":" + b.size() + (c.batch() == b.batch() + 1 ? "" : " wrong position"));
            }

            @Override
            public void onEpochEnd(FitContext c, Map<String, Double> logs) {
                events.add("end " + c.epoch() + " " + logs.keySet() + " " + c.history().epochs());
            }

            @Override
            public void onFitEnd(FitContext c) {
                events.add("done");
            }
        };
        trainer(Moons.model(4)).fit(Moons.shuffled(data, 5), null, 2, recorder);
        assertThat(events).containsExactly("start 2 4 100", "epoch 0", "0:32", "1:32", "2:32", "3:4",
                "end 0 [loss, accuracy, lr] 1", "epoch 1", "0:32", "1:32", "2:32", "3:4",
                "end 1 [loss, accuracy, lr] 2", "done");
    }

    @Test
    void aSecondFitContinuesToTheTotalEpochCount() {
        Rng.manualSeed(3);
        ArrayDataset data = Moons.data(64, 1);
        Trainer trainer = trainer(Moons.model(4));
        trainer.fit(Moons.shuffled(data, 5), null, 2);
        trainer.fit(Moons.shuffled(data, 5), null, 3);
        assertThat(trainer.history().epochs()).isEqualTo(3);
        assertThatThrownBy(() -> trainer.fit(Moons.shuffled(data, 5), null, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit: epochs=3 leaves nothing to do: this trainer has already done 3 epochs; pass the total"
                        + " number of epochs to reach, e.g. 4");
    }

    @Test
    void aLoaderOfTheWrongShapeIsAClearError() {
        float[] x = new float[10 * 3];
        ArrayDataset threeFeatures = ArrayDataset.ofFloats(x, Shape.of(3), new float[10], List.of(), Device.REFERENCE);
        Trainer trainer = trainer(Moons.model(4));
        assertThatThrownBy(() -> trainer.fit(Moons.shuffled(threeFeatures, 1), null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fit: epoch 0, batch 0 (features [10, 3], labels [10]): the model rejected the"
                        + " features: ")
                .hasMessageContaining("linear: input of shape [10, 3] has 3 features in its last axis, the layer"
                        + " expects 2");
        assertThatThrownBy(() -> trainer.evaluate(Moons.inOrder(threeFeatures)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("evaluate: batch 0 (features [10, 3], labels [10]): the model rejected");
    }

    @Test
    void labelsTheLossOrAMetricRejectAreClearErrors() {
        float[] x = new float[8 * 2];
        float[] labels = {0, 1, 0, 1, 0, 5, 0, 1};
        ArrayDataset badLabels = ArrayDataset.ofFloats(x, Shape.of(2), labels, List.of(), Device.REFERENCE);
        assertThatThrownBy(() -> trainer(Moons.model(4)).fit(Moons.inOrder(badLabels), null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fit: epoch 0, batch 0 (features [8, 2], labels [8]): the loss rejected output"
                        + " [8, 2]: ");
        Sequential model = Moons.model(4);
        Trainer perSample = Trainer.builder(model, new CrossEntropyLoss().reduction(Reduction.NONE),
                new Adam(model.parameters())).build();
        assertThatThrownBy(() -> perSample.fit(Moons.inOrder(Moons.data(8, 1)), null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit: epoch 0, batch 0 (features [8, 2], labels [8]): the loss returned shape [8], not one"
                        + " number; use a loss with mean or sum reduction");
    }

    @Test
    void aTrainingLoaderWithoutBatchesIsAClearError() {
        DataLoader none = DataLoader.builder(Moons.data(10, 1)).batchSize(32).dropLast(true).build();
        assertThatThrownBy(() -> trainer(Moons.model(4)).fit(none, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit: the training loader yields no batch: 10 samples in batches of 32 with the last"
                        + " partial batch dropped; use a smaller batch size or keep the last batch");
    }

    @Test
    void metricNamesMustBeDistinct() {
        Sequential model = Moons.model(4);
        assertThatThrownBy(() -> Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
                .metrics(new Accuracy(), new Accuracy()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trainer: metric name 'accuracy' is taken");
    }

    @Test
    void settingsDescribeTheRun() {
        Sequential model = Moons.model(4);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
                .metrics(new Accuracy()).setting("batch size", 32).build();
        assertThat(trainer.settings()).containsEntry("model", "Sequential, 1,218 parameters")
                .containsEntry("loss", "CrossEntropyLoss()")
                .containsEntry("metrics", "accuracy")
                .containsEntry("batch size", "32");
        assertThat(trainer.settings().get("optimizer")).startsWith("Adam ");
    }
}
