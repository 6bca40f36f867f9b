package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.tensor.io.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nabla train} and {@code nabla eval} end to end: the run directory, the data forms, the options, the errors. */
class TrainCommandTest {
    /** One short digits run shared by the tests that read its directory. */
    @TempDir
    static Path shared;
    private static Path digitsRun;
    private static String digitsOutput;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Nabla.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeAll
    static void trainOnTheDigits() {
        digitsRun = shared.resolve("digits");
        StringWriter text = new StringWriter();
        int code = Nabla.run(new PrintWriter(text, true), new PrintWriter(text, true), "train", "--epochs", "4",
                "--lr", "0.003", "--out", digitsRun.toString());
        digitsOutput = text.toString();
        assertThat(code).as(digitsOutput).isZero();
    }

    @Test
    void theRunDirectoryHoldsMetricsHistoryWeightsCheckpointsAndTheReport() throws IOException {
        assertThat(digitsOutput).contains("nabla train: small-cnn on digits (1,293 training, 144 validation, 360 test"
                + " samples of [1, 8, 8], 10 classes), Adam", "epoch 4/4", "wrote " + digitsRun);
        Map<String, Object> metrics = json(digitsRun.resolve("metrics.json"));
        assertThat(metrics).containsKeys("loss", "accuracy", "samplesPerSecond", "epochs", "wallSeconds",
                "firstStepSeconds");
        assertThat(((Number) metrics.get("accuracy")).doubleValue()).isGreaterThan(0.9);
        assertThat(((Number) metrics.get("epochs")).intValue()).isEqualTo(4);
        assertThat(((Number) metrics.get("samplesPerSecond")).doubleValue()).isPositive();
        List<String> history = Files.readAllLines(digitsRun.resolve("history.csv"));
        assertThat(history).hasSize(5);
        assertThat(history.get(0)).isEqualTo("epoch,loss,accuracy,val_loss,val_accuracy,lr");
        for (String file : List.of("model.safetensors", "normalizer.safetensors", "run.properties", "report.html",
                "curves.png", "confusion_matrix.png", "checkpoints/last/model.safetensors",
                "checkpoints/best/optimizer.safetensors")) {
            assertThat(digitsRun.resolve(file)).as(file).isRegularFile();
        }
        String reported = digitsOutput.lines().filter(l -> l.startsWith("test:")).findFirst().orElseThrow();
        assertThat(reported).contains(String.format("accuracy %.2f%%", 100 * ((Number) metrics.get("accuracy"))
                .doubleValue()));
    }

    @Test
    void evalFindsTheSameTestSamplesAndTheSameAccuracy(@TempDir Path dir) throws IOException {
        assertThat(run("eval", digitsRun.toString(), "--out", dir.toString())).as(err.toString()).isZero();
        Map<String, Object> trained = json(digitsRun.resolve("metrics.json"));
        Map<String, Object> evaluated = json(dir.resolve("metrics.json"));
        assertThat(((Number) evaluated.get("accuracy")).doubleValue())
                .isEqualTo(((Number) trained.get("accuracy")).doubleValue());
        assertThat(((Number) evaluated.get("loss")).doubleValue())
                .isCloseTo(((Number) trained.get("loss")).doubleValue(), within(1e-6));
        assertThat(((Number) evaluated.get("samples")).intValue()).isEqualTo(360);
        assertThat(out.toString()).contains("on digits (the run's test samples): 360 samples", "true \\ predicted");
        assertThat(dir.resolve("confusion_matrix.png")).isRegularFile();
    }

    @Test
    void trainsAnMlpOnACsvTable(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("x,y,z,kind\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            int k = i % 3;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", 4 * k + random.nextGaussian(),
                    random.nextGaussian(), -3 * k + random.nextGaussian(), List.of("ant", "bee", "cat").get(k)));
        }
        Path file = dir.resolve("blobs.csv");
        Files.writeString(file, csv);
        assertThat(run("train", "--data", "csv:" + file, "--epochs", "15", "--optimizer", "momentum", "--lr", "0.05",
                "--out", dir.resolve("run").toString(), "--quiet")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("nabla train: mlp on csv:" + file, "samples of [3], 3 classes");
        assertThat(((Number) json(dir.resolve("run/metrics.json")).get("accuracy")).doubleValue()).isGreaterThan(0.95);
        assertThat(out.toString()).doesNotContain("epoch 1/15");
        assertThat(run("eval", dir.resolve("run").toString(), "--data", "digits")).isEqualTo(2);
        assertThat(err.toString()).contains("eval: the model of " + dir.resolve("run") + " takes samples [3], but digits"
                + " (all of it) has samples [1, 8, 8]");
    }

    @Test
    void trainsOnAnImageFolderWithAugmentation(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("images");
        for (int i = 0; i < 24; i++) {
            boolean vertical = i % 2 == 0;
            Path folder = images.resolve(vertical ? "vertical" : "horizontal");
            Files.createDirectories(folder);
            BufferedImage picture = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(vertical ? 8 + i % 5 : 0, vertical ? 0 : 8 + i % 5, vertical ? 3 : 20, vertical ? 20 : 3);
            g.dispose();
            ImageIO.write(picture, "png", folder.resolve("p" + i + ".png").toFile());
        }
        assertThat(run("train", "--data", "images:" + images, "--size", "12x12", "--epochs", "3", "--batch-size", "8",
                "--rotation", "20", "--width-shift", "0.2", "--height-shift", "0.2", "--horizontal-flip",
                "--val-split", "0", "--test-split", "0.25", "--out", dir.resolve("run").toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("small-cnn on images:" + images, "18 training, 6 test samples of [3, 12, 12]"
                + ", 2 classes", "epoch 3/3");
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("RandomRotation(degrees=[-20.0, 20.0])",
                "RandomFlip(horizontal");
    }

    @Test
    void earlyStoppingEndsTheRunAndTheScheduleSetsTheRate(@TempDir Path dir) throws IOException {
        assertThat(run("train", "--epochs", "40", "--early-stopping", "1", "--min-delta", "10", "--schedule",
                "step:1,0.5", "--quiet", "--out", dir.toString())).as(err.toString()).isZero();
        Map<String, Object> metrics = json(dir.resolve("metrics.json"));
        assertThat(((Number) metrics.get("epochs")).intValue()).isEqualTo(2);
        List<String> history = Files.readAllLines(dir.resolve("history.csv"));
        assertThat(history.get(1)).endsWith(",0.001");
        assertThat(history.get(2)).endsWith(",5.0E-4");
    }

    @Test
    void aResumedRunEndsExactlyAsAStraightOne(@TempDir Path dir) throws IOException {
        String[] common = {"train", "--quiet", "--schedule", "step:1,0.7", "--optimizer", "momentum"};
        assertThat(run(concat(common, new String[] {"--epochs", "4", "--out", dir.resolve("straight").toString()})))
                .as(err.toString()).isZero();
        assertThat(run(concat(common, new String[] {"--epochs", "2", "--out", dir.resolve("first").toString()})))
                .as(err.toString()).isZero();
        assertThat(run(concat(common, new String[] {"--epochs", "4", "--out", dir.resolve("resumed").toString(),
            "--resume", dir.resolve("first/checkpoints/last").toString()}))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resumed after epoch 2 from " + dir.resolve("first/checkpoints/last"));
        assertThat(Files.readAllLines(dir.resolve("resumed/history.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("straight/history.csv")));
        Map<String, Object> straight = json(dir.resolve("straight/metrics.json"));
        Map<String, Object> resumed = json(dir.resolve("resumed/metrics.json"));
        assertThat(resumed.get("loss")).isEqualTo(straight.get("loss"));
        assertThat(resumed.get("accuracy")).isEqualTo(straight.get("accuracy"));
        assertThat(Files.readAllBytes(dir.resolve("resumed/model.safetensors")))
                .isEqualTo(Files.readAllBytes(dir.resolve("straight/model.safetensors")));
        assertThat(run(concat(common, new String[] {"--model", "mlp", "--resume",
            dir.resolve("first/checkpoints/last").toString(), "--out", dir.resolve("other").toString()})))
                .isEqualTo(2);
    }

    @Test
    void optimizersRegularizationAndSchedulesAreChosenByName(@TempDir Path dir) {
        for (String[] options : new String[][] {
            {"--optimizer", "sgd", "--l2", "1e-4"}, {"--optimizer", "nesterov", "--momentum", "0.8"},
            {"--optimizer", "adamw", "--betas", "0.8,0.99"}, {"--optimizer", "rmsprop", "--l1", "1e-5"},
            {"--optimizer", "adagrad", "--schedule", "cosine"}, {"--schedule", "onecycle:0.01"},
            {"--schedule", "plateau:0.5,1"}, {"--schedule", "multistep:0.1,1"}, {"--schedule", "exponential:0.9"}}) {
            String[] args = concat(new String[] {"train", "--epochs", "1", "--quiet", "--out", dir.toString()}, options);
            assertThat(run(args)).as(String.join(" ", options) + ": " + err).isZero();
        }
    }

    @Test
    void badOptionsGetAClearMessageAndExitCode2(@TempDir Path dir) {
        String[][] cases = {
            {"--bogus", "Unknown option: '--bogus'"},
            {"--epochs=many", "Invalid value for option '--epochs': 'many' is not an int"},
            {"--epochs=0", "--epochs must be at least 1, got 0"},
            {"--lr=-1", "--lr must be positive, got -1.0"},
            {"--data=faces", "--data: unknown data 'faces'; expected digits, mnist:DIR"},
            {"--data=mnist", "--data: 'mnist' needs a location, as in mnist:DIR"},
            {"--model=resnet", "preset: unknown model 'resnet'; choose one of [mlp, lenet5, cnn-bn, small-cnn]"},
            {"--optimizer=lbfgs", "--optimizer: unknown 'lbfgs'; choose sgd, momentum, nesterov, adam"},
            {"--betas=0.9", "--betas takes B1,B2"},
            {"--schedule=warm", "--schedule: unknown schedule 'warm'; expected none, step:STEP[,GAMMA]"},
            {"--schedule=step", "--schedule: 'step' has 0 arguments; expected"},
            {"--schedule=step:x", "--schedule: 'step:x' has an argument that is not a number"},
            {"--val-split=1.5", "--val-split must be in [0, 1), got 1.5"},
            {"--device=tpu", "no backend of type 'tpu'"},
            {"--threads=0", "--threads must be at least 1, got 0"},
            {"--fill-mode=mirror", "fill mode: unknown 'mirror'"},
        };
        for (String[] c : cases) {
            assertThat(run("train", c[0], "--out", dir.toString())).as(c[0]).isEqualTo(2);
            assertThat(err.toString()).as(c[0]).contains(c[1]);
        }
        assertThat(run("train", "--optimizer", "sgd", "--betas", "0.9,0.99")).isEqualTo(2);
        assertThat(err.toString()).contains("--betas applies to adam, adamw, not to sgd");
        assertThat(run("train", "--data", "csv:" + dir.resolve("t.csv"), "--rotation", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("train: augmentation options need images; csv:");
        assertThat(run("train", "--early-stopping", "2", "--monitor", "val_acc", "--epochs", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("EarlyStopping: unknown monitor 'val_acc'");
    }

    @Test
    void missingOrCorruptFilesExitWithCode1AndNameTheFile(@TempDir Path dir) throws IOException {
        assertThat(run("train", "--data", "mnist:" + dir.resolve("none"))).isEqualTo(1);
        assertThat(err.toString()).contains("mnist: no train-images-idx3-ubyte[.gz]");
        assertThat(run("eval", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not a run directory of nabla train (no run.properties)");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(digitsRun.resolve("run.properties"), broken.resolve("run.properties"));
        Files.write(broken.resolve("model.safetensors"), new byte[] {1, 2, 3});
        assertThat(run("eval", broken.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("model.safetensors");
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("train", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla train", "--data=SOURCE", "--optimizer=NAME", "--schedule=SPEC",
                "--early-stopping=PATIENCE", "--rotation=DEGREES", "--out=DIR", "--resume=CHECKPOINT");
        assertThat(run("eval", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: nabla eval", "RUN", "--data=SOURCE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
