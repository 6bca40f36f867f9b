package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.data.ArrayDataset;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Module;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.optim.schedule.LinearLR;
import dev.nabla.optim.schedule.StepLR;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.callbacks.EarlyStopping;
import dev.nabla.train.callbacks.LearningRateScheduler.Interval;
import dev.nabla.train.callbacks.Mode;
import dev.nabla.train.callbacks.ModelCheckpoint;
import dev.nabla.train.metrics.Accuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training N epochs straight and training some, stopping, and resuming from the checkpoint in a
 * fresh trainer (new model with other initial weights, new loaders, the global generator moved on)
 * end with the same bits: the model has dropout drawing from the global generator, the loaders
 * shuffle (the validation loader draws its seed from the global generator when built, so, as in a
 * real program, the loaders are built before resuming), Adam keeps state, and two learning-rate
 * schedules step, one per epoch and one per batch.
 */
class ResumeTest {
    private static final long GLOBAL_SEED = 7;
    private final ArrayDataset train = Moons.data(200, 1);    // 7 batches of 32, the last of 8
    private final ArrayDataset validation = Moons.data(64, 2);

    /**
     * A trainer as a fresh process would build it: its model's initial weights come from
     * {@code initSeed}; the learning rate falls by StepLR every 3 epochs and, within epochs, by a
     * LinearLR warm-up over the first 10 batches.
     */
    private static Trainer freshTrainer(long initSeed) {
        Sequential model = Moons.model(initSeed);
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.01));
        return Trainer.builder(model, new CrossEntropyLoss(), adam)
                .metrics(new Accuracy())
                .schedule(new StepLR(adam, 3, 0.5), Interval.EPOCH)
                .schedule(new LinearLR(adam, 0.25, 1.0, 10), Interval.BATCH)
                .build();
    }

    private DataLoader trainLoader() {
        return Moons.shuffled(train, 11);
    }

    private DataLoader validationLoader() {
        return Moons.inOrder(validation);
    }

    private Trainer straightRun(int epochs) {
        Rng.manualSeed(GLOBAL_SEED);
        Trainer trainer = freshTrainer(1);
        trainer.fit(trainLoader(), validationLoader(), epochs, new EarlyStopping("val_loss", 100));
        return trainer;
    }

    @Test
    void twoEpochsThenResumeAndTwoMoreMatchFourStraightBitForBit(@TempDir Path dir) throws IOException {
        Trainer straight = straightRun(4);

        Rng.manualSeed(GLOBAL_SEED);
        Trainer first = freshTrainer(1);
        first.fit(trainLoader(), validationLoader(), 2, new ModelCheckpoint(dir), new EarlyStopping("val_loss", 100));

        Rng.manualSeed(12345);
        Trainer resumed = freshTrainer(99);
        DataLoader trainAgain = trainLoader();
        DataLoader validationAgain = validationLoader();   // draws its seed from the global generator
        resumed.resume(dir.resolve(ModelCheckpoint.LAST));
        assertThat(resumed.epochsDone()).isEqualTo(2);
        EarlyStopping stopping = new EarlyStopping("val_loss", 100);
        resumed.fit(trainAgain, validationAgain, 4, new ModelCheckpoint(dir), stopping);

        assertSameBits(resumed.model(), straight.model());
        assertThat(resumed.history().toCsv()).isEqualTo(straight.history().toCsv());
        // the warm-up reaches 0.25 + 0.75 * 6 / 10 of the rate at the first epoch's last (7th) batch
        assertThat(doubles(resumed.history().get("lr")))
                .containsExactly(new double[] {0.007, 0.01, 0.01, 0.005}, within(1e-15));
        assertThat(stopping.bestEpoch()).isBetween(0, 3);
    }

    @Test
    void aFitInterruptedWithinAnEpochResumesFromTheBatchCheckpoint(@TempDir Path dir) throws IOException {
        Trainer straight = straightRun(3);

        Rng.manualSeed(GLOBAL_SEED);
        Trainer crashing = freshTrainer(1);
        Callback crash = new Callback() {
            @Override
            public void onBatchEnd(FitContext context, BatchEnd batch) {
                if (batch.epoch() == 1 && batch.batch() == 5) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        ModelCheckpoint everyThirdBatch = new ModelCheckpoint(dir, null, Mode.AUTO, 3);
        assertThatThrownBy(() -> crashing.fit(trainLoader(), validationLoader(), 3, everyThirdBatch,
                new EarlyStopping("val_loss", 100), crash)).hasMessage("simulated crash");

        Rng.manualSeed(12345);
        Trainer resumed = freshTrainer(99);
        DataLoader trainAgain = trainLoader();
        DataLoader validationAgain = validationLoader();
        resumed.resume(dir.resolve(ModelCheckpoint.LAST));   // after batch 3 of epoch 1
        assertThat(resumed.epochsDone()).isEqualTo(1);
        resumed.fit(trainAgain, validationAgain, 3, new ModelCheckpoint(dir, null, Mode.AUTO, 3),
                new EarlyStopping("val_loss", 100));

        assertSameBits(resumed.model(), straight.model());
        assertThat(resumed.history().toCsv()).isEqualTo(straight.history().toCsv());
    }

    @Test
    void resumingIntoAnotherArchitectureFailsAndChangesNothing(@TempDir Path dir) throws IOException {
        Rng.manualSeed(GLOBAL_SEED);
        Trainer first = freshTrainer(1);
        first.fit(trainLoader(), null, 1);
        first.saveCheckpoint(dir.resolve("ckpt"));

        Sequential other = new Sequential(new dev.nabla.nn.Linear(2, 2));
        Trainer wrong = Trainer.builder(other, new CrossEntropyLoss(), new Adam(other.parameters())).build();
        Map<String, float[]> before = snapshot(other);
        assertThatThrownBy(() -> wrong.resume(dir.resolve("ckpt"))).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("the checkpoint's loss and metrics are [loss, accuracy], this trainer's are"
                        + " [loss]");
        Trainer noMetrics = Trainer.builder(other, new CrossEntropyLoss(), new Adam(other.parameters()))
                .metrics(new Accuracy()).build();
        assertThatThrownBy(() -> noMetrics.resume(dir.resolve("ckpt"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected keys [3.bias, 3.weight, 5.bias, 5.weight]");
        assertThat(snapshot(other)).containsExactlyEntriesOf(before);
        assertThat(noMetrics.epochsDone()).isZero();

        Files.delete(dir.resolve("ckpt").resolve(Trainer.OPTIMIZER_FILE));
        assertThatThrownBy(() -> freshTrainer(1).resume(dir.resolve("ckpt")))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageEndingWith("optimizer.safetensors: missing; a checkpoint directory holds model.safetensors,"
                        + " optimizer.safetensors and trainer.safetensors");
    }

    private static Map<String, float[]> snapshot(Module model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    private static void assertSameBits(Module actual, Module expected) {
        Map<String, Tensor> a = actual.stateDict();
        Map<String, Tensor> e = expected.stateDict();
        assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
        for (String key : List.copyOf(e.keySet())) {
            float[] av = a.get(key).toFloatArray();
            float[] ev = e.get(key).toFloatArray();
            int[] abits = new int[av.length];
            int[] ebits = new int[ev.length];
            for (int i = 0; i < av.length; i++) {
                abits[i] = Float.floatToRawIntBits(av[i]);
                ebits[i] = Float.floatToRawIntBits(ev[i]);
            }
            assertThat(abits).as(key).containsExactly(ebits);
        }
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
