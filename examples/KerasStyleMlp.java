/*
 * A Keras-style multilayer perceptron: a Sequential stack of Linear (Keras's Dense) -> BatchNorm ->
 * ReLU blocks, a model summary, and Trainer.fit, on the 8x8 handwritten digits bundled with Nabla.
 *
 * Batch normalization after each hidden layer rescales its outputs to zero mean and unit variance
 * over the batch (then applies a learned scale and shift), which lets the network train quickly
 * at a large learning rate. The summary lists each layer's output shape and parameter count; the
 * batch norms' running mean and variance, used at test time, are buffers: saved, not trained.
 *
 * Run: examples/run KerasStyleMlp [--quick]
 */
import dev.nabla.data.DataLoader;
import dev.nabla.data.Digits;
import dev.nabla.data.Normalizer;
import dev.nabla.data.Split;
import dev.nabla.nn.Activation;
import dev.nabla.nn.BatchNorm1d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.Summary;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.Trainer;
import dev.nabla.train.callbacks.ProgressBar;
import dev.nabla.train.metrics.Accuracy;
import java.util.List;
import java.util.Map;

public class KerasStyleMlp {
    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int epochs = quick ? 3 : 10;
        Rng.manualSeed(0);                                    // initial weights and loader seeds

        Split digits = Digits.split(0.2, 42);                 // 1,437 training and 360 test images [1, 8, 8]
        Normalizer toUnitRange = Normalizer.rescale(1 / 16.0);  // pixel values 0..16 -> 0..1
        DataLoader train = DataLoader.builder(digits.train()).batchSize(32).shuffle(1)
                .batchTransform(toUnitRange.batchTransform()).build();
        DataLoader test = DataLoader.builder(digits.test()).batchSize(120)
                .batchTransform(toUnitRange.batchTransform()).build();

        Sequential model = new Sequential(
                new Flatten(),                                                 // [N, 1, 8, 8] -> [N, 64]
                new Linear(64, 128), new BatchNorm1d(128), Activation.relu(),
                new Linear(128, 64), new BatchNorm1d(64), Activation.relu(),
                new Linear(64, 10));                                           // one score per digit
        System.out.println(Summary.of(model, Shape.of(32, 1, 8, 8)));

        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.01));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), adam).metrics(new Accuracy()).build();
        trainer.fit(train, null, epochs, new ProgressBar());

        Map<String, Double> result = trainer.evaluate(test);
        System.out.printf("test loss %.4f, test accuracy %.4f%n", result.get("loss"), result.get("accuracy"));
    }
}
