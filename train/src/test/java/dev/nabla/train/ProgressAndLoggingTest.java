package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.data.ArrayDataset;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.callbacks.HistoryLogger;
import dev.nabla.train.callbacks.ProgressBar;
import dev.nabla.train.callbacks.Throughput;
import dev.nabla.train.metrics.Accuracy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressAndLoggingTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** A clock that moves 0.25 s on at every reading. */
    private static LongSupplier steppingClock() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(250_000_000L);
    }

    private static History fit(int epochs, Callback... callbacks) {
        Rng.manualSeed(1);
        ArrayDataset data = Moons.data(100, 1);     // 4 batches: 32, 32, 32, 4
        Sequential model = Moons.model(2);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
                .metrics(new Accuracy()).build();
        return trainer.fit(Moons.shuffled(data, 3), Moons.inOrder(data), epochs, callbacks);
    }

    @Test
    void withoutATerminalItWritesOnePlainLinePerEpoch() {
        History history = fit(2, new ProgressBar(out, false, steppingClock()));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        // epoch start, then one reading per batch and one at the end: 5 readings of 0.25 s after the start
        assertThat(lines[0]).startsWith("epoch 1/2  4/4  1.3 s  80 samples/s  loss " + Formats.metric(
                history.get("loss").get(0)) + "  accuracy ");
        assertThat(lines[1]).startsWith("epoch 2/2  4/4  1.3 s  80 samples/s  loss ")
                .contains("  val_loss " + Formats.metric(history.get("val_loss").get(1)))
                .endsWith("  lr 0.0010");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r").doesNotContain("ETA");
    }

    @Test
    void throughputCountsTrainingBatchesOnlyAndCanLeaveTheFirstEpochOut() {
        Throughput speed = new Throughput(steppingClock());
        fit(2, speed);
        // per epoch: a reading at its start and one per batch, so 4 x 0.25 s for 100 samples
        assertThat(speed.samples()).isEqualTo(200);
        assertThat(speed.trainingSeconds()).isEqualTo(2.0);
        assertThat(speed.samplesPerSecond()).isEqualTo(100.0);
        assertThat(speed.samplesPerSecondAfterFirstEpoch()).isEqualTo(100.0);
        assertThat(speed.firstBatchEnd()).isEqualTo(500_000_000L);
        Throughput unused = new Throughput();
        assertThat(unused.samplesPerSecond()).isNaN();
        assertThat(unused.samplesPerSecondAfterFirstEpoch()).isNaN();
    }

    @Test
    void writesToAPrintWriterToo() {
        java.io.StringWriter text = new java.io.StringWriter();
        fit(1, new ProgressBar(new java.io.PrintWriter(text), false, steppingClock()));
        assertThat(text.toString()).startsWith("epoch 1/1  4/4  1.3 s  80 samples/s  loss ");
    }

    @Test
    void onATerminalItRedrawsABarWithThroughputEtaAndRunningLoss() {
        fit(1, new ProgressBar(out, true, steppingClock()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\repoch 1/1 [=======>                      ] 1/4  128 samples/s  ETA 0:01  loss ")
                .contains("\repoch 1/1 [==============================] 4/4  100 samples/s  ETA 0:00  loss ")
                .contains("\repoch 1/1  4/4  1.3 s  80 samples/s  loss ");
        assertThat(text.split("\n")).hasSize(1);
    }

    @Test
    void historyLoggersRewriteTheirFileAfterEveryEpoch(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("logs/history.csv");
        Path json = dir.resolve("history.json");
        History history = fit(3, HistoryLogger.csv(csv), HistoryLogger.json(json));
        assertThat(Files.readString(csv)).isEqualTo(history.toCsv()).startsWith(
                "epoch,loss,accuracy,val_loss,val_accuracy,lr\n1,");
        assertThat(Files.readString(csv).split("\n")).hasSize(4);
        assertThat(Files.readString(json)).isEqualTo(history.toJson()).contains("\"epochs\": 3");
    }
}
