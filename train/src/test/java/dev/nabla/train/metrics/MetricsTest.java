package dev.nabla.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final Tensor SCORES = Tensor.of(new double[][] {
        {0.1, 0.7, 0.2},   // predicts 1
        {0.5, 0.3, 0.2},   // predicts 0
        {0.2, 0.2, 0.6},   // predicts 2
        {0.4, 0.4, 0.2}}); // tie between 0 and 1: predicts 0

    @Test
    void accuracyCountsArgmaxHitsOverAllBatchesNotTheMeanOfBatchMeans() {
        Accuracy accuracy = new Accuracy();
        accuracy.update(SCORES, Tensor.of(1, 0, 0, 1));                    // 2 of 4
        accuracy.update(SCORES.narrow(0, 0, 1), Tensor.of(1));             // 1 of 1
        assertThat(accuracy.result()).isEqualTo(3.0 / 5);                  // not (0.5 + 1) / 2
        assertThat(accuracy.name()).isEqualTo("accuracy");
        assertThat(accuracy.higherIsBetter()).isTrue();
        accuracy.reset();
        assertThat(accuracy.result()).isNaN();
    }

    @Test
    void stateRestoresTheRunningSumsExactly() {
        Accuracy a = new Accuracy();
        a.update(SCORES, Tensor.of(1, 0, 2, 0));
        Accuracy b = new Accuracy();
        b.restore(a.state());
        a.update(SCORES, Tensor.of(0, 0, 0, 0));
        b.update(SCORES, Tensor.of(0, 0, 0, 0));
        assertThat(b.result()).isEqualTo(a.result()).isEqualTo(6.0 / 8);
        assertThatThrownBy(() -> b.restore(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[sum, weight]");
    }

    @Test
    void binaryAccuracyThresholdsOneScorePerSample() {
        Accuracy logits = Accuracy.binary(0);
        logits.update(Tensor.of(new double[][] {{-1}, {2}, {0.5}, {-3}}), Tensor.of(0, 1, 0, 1));
        assertThat(logits.result()).isEqualTo(0.5);
        Accuracy probabilities = Accuracy.binary(0.5);
        probabilities.update(Tensor.of(0.2, 0.9, 0.51), Tensor.of(0, 1, 1));
        assertThat(probabilities.result()).isEqualTo(1.0);
        assertThatThrownBy(() -> Accuracy.binary(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold must be finite");
    }

    @Test
    void topKCountsTheTargetAmongTheKBestWithTiesToTheLowerIndex() {
        TopKAccuracy top2 = new TopKAccuracy(2);
        // hits: rows 0, 1 and 2 (a tie ranks class 0 before class 1 in row 2); row 3's class 2 ranks third
        top2.update(SCORES, Tensor.of(2, 1, 0, 2));
        assertThat(top2.result()).isEqualTo(0.75);
        top2.reset();
        // misses: row 0 (third), row 1 (third), row 2 (class 1 after the tied class 0 and class 2); hit: row 3
        top2.update(SCORES, Tensor.of(0, 2, 1, 1));
        assertThat(top2.result()).isEqualTo(0.25);
        assertThat(top2.name()).isEqualTo("top2_accuracy");
        TopKAccuracy top1 = new TopKAccuracy(1);
        Accuracy accuracy = new Accuracy();
        Tensor labels = Tensor.of(1, 0, 2, 1);
        top1.update(SCORES, labels);
        accuracy.update(SCORES, labels);
        assertThat(top1.result()).isEqualTo(accuracy.result()).isEqualTo(0.75);
        TopKAccuracy top3 = new TopKAccuracy(3);
        top3.update(SCORES, Tensor.of(2, 2, 1, 2));
        assertThat(top3.result()).isEqualTo(1.0);
        assertThatThrownBy(() -> new TopKAccuracy(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topKAccuracy: k must be >= 1, got 0");
    }

    @Test
    void regressionErrorsAreMeansOverEverySample() {
        MeanSquaredError mse = new MeanSquaredError();
        MeanAbsoluteError mae = new MeanAbsoluteError();
        mse.update(Tensor.of(new double[][] {{1}, {2}}), Tensor.of(0, 4));   // 1 + 4
        mse.update(Tensor.of(3.0), Tensor.of(3.0));                           // 0
        mae.update(Tensor.of(1, 2), Tensor.of(0, 4));                         // 1 + 2
        mae.update(Tensor.of(3.0), Tensor.of(6.0));                           // 3
        assertThat(mse.result()).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(mae.result()).isEqualTo(2.0);
        assertThat(mse.name()).isEqualTo("mse");
        assertThat(mae.name()).isEqualTo("mae");
        assertThat(mse.higherIsBetter()).isFalse();
    }

    @Test
    void badShapesAndTargetsAreClearErrors() {
        assertThatThrownBy(() -> new Accuracy().update(Tensor.of(0.3, 0.8), Tensor.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accuracy: output [2] must be class scores [N, C] with C >= 2 for target [2]; for one"
                        + " score per sample use Accuracy.binary(threshold)");
        assertThatThrownBy(() -> new Accuracy().update(SCORES, Tensor.of(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accuracy: output [4, 3] and target [2] must agree on the batch size N, with target [N]");
        assertThatThrownBy(() -> new Accuracy().update(SCORES, Tensor.of(0, 1, 3, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("accuracy: target[2] = 3.0 is not a class index in [0, 3)");
        assertThatThrownBy(() -> new TopKAccuracy(2).update(SCORES, Tensor.of(0, 1, 0.5, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("top2_accuracy: target[2] = 0.5 is not a class index");
        assertThatThrownBy(() -> new MeanSquaredError().update(SCORES, Tensor.of(0, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mse: output [4, 3] must hold one value per sample, [N] or [N, 1], for target [4]");
        assertThatThrownBy(() -> new MeanAbsoluteError().update(Tensor.of(1, 2), Tensor.of(new double[][] {{1, 2}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mae: output [2] and target [1, 2] must agree on the batch size N");
    }

    @Test
    void confusionMatrixCountsTrueClassesByPredictedClasses() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.update(SCORES, Tensor.of(1, 0, 1, 2));
        m.update(SCORES.narrow(0, 2, 1), Tensor.of(2));
        assertThat(m.toArray()).isEqualTo(new long[][] {{1, 0, 0}, {0, 1, 1}, {1, 0, 1}});
        assertThat(m.total()).isEqualTo(5);
        assertThat(m.support(1)).isEqualTo(2);
        assertThat(m.accuracy()).isEqualTo(3.0 / 5);
        assertThat(m).hasToString("[1, 0, 0]\n[0, 1, 1]\n[1, 0, 1]");
        assertThat(m.format(java.util.List.of("ant", "1", "cat"))).isEqualTo(""
                + "true \\ predicted 0 1 2\n"
                + "0 ant            1 0 0\n"
                + "1                0 1 1\n"
                + "2 cat            1 0 1\n");
        m.reset();
        assertThat(m.total()).isZero();
        assertThat(m.accuracy()).isNaN();
        assertThatThrownBy(() -> new ConfusionMatrix(4).update(SCORES, Tensor.of(0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusionMatrix: output [4, 3] has 3 classes, the matrix counts 4; make the matrix with"
                        + " the model's number of outputs");
        assertThatThrownBy(() -> new ConfusionMatrix(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusionMatrix: needs at least 2 classes, got 1");
    }

    @Test
    void runningMeanWeighsBatchMeansBySize() {
        RunningMean mean = new RunningMean();
        assertThat(mean.mean()).isNaN();
        mean.add(1.0, 3);
        mean.add(3.0, 1);
        assertThat(mean.mean()).isEqualTo(1.5);
        assertThat(mean.weight()).isEqualTo(4);
        assertThat(mean.state()).containsExactly(6, 4);
    }
}
