package dev.nabla.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.data.ArrayDataset;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.callbacks.ModelCheckpoint;
import dev.nabla.train.metrics.Accuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {
    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void modelCheckpointWritesTheBestAndTheLastCompleteAndNothingElse(@TempDir Path dir) throws IOException {
        Rng.manualSeed(1);
        ArrayDataset data = Moons.data(128, 1);
        Sequential model = Moons.model(2);
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters()))
                .metrics(new Accuracy()).build();
        ModelCheckpoint checkpoint = new ModelCheckpoint(dir);
        History history = trainer.fit(Moons.shuffled(data, 3), Moons.inOrder(data), 3, checkpoint);

        assertThat(listing(dir)).containsExactly("best", "best/model.safetensors", "best/optimizer.safetensors",
                "best/trainer.safetensors", "last", "last/model.safetensors", "last/optimizer.safetensors",
                "last/trainer.safetensors");
        double bestLoss = history.get("val_loss").stream().min(Double::compare).orElseThrow();
        assertThat(checkpoint.bestValue()).isEqualTo(bestLoss);
        int bestEpoch = history.get("val_loss").indexOf(bestLoss);
        assertThat(Safetensors.read(dir.resolve("best/trainer.safetensors")).metadata())
                .containsEntry("epoch", Integer.toString(bestEpoch + 1)).containsEntry("batch", "0");
        assertThat(Safetensors.read(dir.resolve("last/trainer.safetensors")).metadata()).containsEntry("epoch", "3");

        Sequential fromLast = Moons.model(9);
        fromLast.load(dir.resolve("last/model.safetensors"));   // a plain state dict, as PyTorch reads it
        assertThat(fromLast.stateDict().get("5.bias").toFloatArray())
                .containsExactly(model.stateDict().get("5.bias").toFloatArray());
    }

    @Test
    void replacingADirectoryIsAllOrNothing(@TempDir Path root) throws IOException {
        Path dir = root.resolve("ckpt");
        AtomicFiles.replaceDirectory(dir, d -> Files.writeString(d.resolve("a.txt"), "one"));
        AtomicFiles.replaceDirectory(dir, d -> Files.writeString(d.resolve("b.txt"), "two"));
        assertThat(listing(root)).containsExactly("ckpt", "ckpt/b.txt");

        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(dir, d -> {
            Files.writeString(d.resolve("half.txt"), "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(listing(root)).containsExactly("ckpt", "ckpt/b.txt");
        assertThat(AtomicFiles.completeDirectory(dir)).isEqualTo(dir.toAbsolutePath());

        // A replacement interrupted between its two renames leaves the previous directory as ckpt.old.
        Files.move(dir, root.resolve("ckpt.old"));
        assertThat(AtomicFiles.completeDirectory(dir)).isEqualTo(root.resolve("ckpt.old").toAbsolutePath());
        AtomicFiles.replaceDirectory(dir, d -> Files.writeString(d.resolve("c.txt"), "three"));
        assertThat(listing(root)).containsExactly("ckpt", "ckpt/c.txt");
        assertThatThrownBy(() -> AtomicFiles.completeDirectory(root.resolve("none")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writingAFileReplacesItWholeAndLeavesNoTemporaryFile(@TempDir Path root) throws IOException {
        Path file = root.resolve("sub/history.csv");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(listing(root)).containsExactly("sub", "sub/history.csv");
    }

    @Test
    void aTrainerStateOfAnotherFormatIsACheckpointFormatError(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("ckpt");
        Files.createDirectories(ckpt);
        Safetensors.write(ckpt.resolve(TrainerState.FILE), Map.of(), Map.of("format", "something-else"));
        assertThatThrownBy(() -> {
            Sequential model = Moons.model(1);
            Trainer.builder(model, new CrossEntropyLoss(), new Adam(model.parameters())).build().resume(ckpt);
        }).isInstanceOf(CheckpointFormatException.class)
                .hasMessageEndingWith("trainer.safetensors: metadata format is something-else, expected"
                        + " nabla-trainer/1; is this the trainer state of a checkpoint written by"
                        + " Trainer.saveCheckpoint?");
    }
}
