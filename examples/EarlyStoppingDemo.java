/*
 * Early stopping: end training when the validation loss stops improving, and keep the best model.
 *
 * A large network trained on only 200 digit images soon starts to memorize them: its training
 * loss keeps falling while its loss on held-out images turns upward (overfitting). The
 * EarlyStopping callback watches val_loss after every epoch; after 5 epochs without a new best
 * (its patience) it stops the fit and puts back the weights of the best epoch.
 *
 * Run: examples/run EarlyStoppingDemo [--quick]
 */
import dev.nabla.data.DataLoader;
import dev.nabla.data.Dataset;
import dev.nabla.data.Digits;
import dev.nabla.data.Normalizer;
import dev.nabla.data.Split;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.tensor.random.Rng;
import dev.nabla.train.Trainer;
import dev.nabla.train.callbacks.EarlyStopping;
import dev.nabla.train.callbacks.ProgressBar;
import dev.nabla.train.metrics.Accuracy;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

public class EarlyStoppingDemo {
    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int maxEpochs = 100;
        int trainingImages = quick ? 100 : 200;
        Rng.manualSeed(0);                                    // initial weights and loader seeds

        Split digits = Digits.split(0.2, 42);
        Dataset fewImages = digits.train().subset(IntStream.range(0, trainingImages).toArray());
        Normalizer toUnitRange = Normalizer.rescale(1 / 16.0);
        DataLoader train = DataLoader.builder(fewImages).batchSize(20).shuffle(1)
                .batchTransform(toUnitRange.batchTransform()).build();
        DataLoader validation = DataLoader.builder(digits.test()).batchSize(120)
                .batchTransform(toUnitRange.batchTransform()).build();

        Sequential model = new Sequential(new Flatten(), new Linear(64, 256), Activation.relu(),
                new Linear(256, 256), Activation.relu(), new Linear(256, 10));
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.003));
        Trainer trainer = Trainer.builder(model, new CrossEntropyLoss(), adam).metrics(new Accuracy()).build();

        int patience = 5;
        EarlyStopping earlyStopping = new EarlyStopping("val_loss", patience);   // restores the best weights
        trainer.fit(train, validation, maxEpochs, earlyStopping, new ProgressBar());

        int bestEpoch = earlyStopping.bestEpoch() + 1;                     // counted from 1, as printed above
        if (earlyStopping.stoppedEpoch() >= 0) {
            System.out.printf("early stopping after epoch %d of %d: val_loss did not improve on %.4f (epoch %d)"
                    + " for %d epochs%n", earlyStopping.stoppedEpoch() + 1, maxEpochs, earlyStopping.best(), bestEpoch,
                    patience);
        } else {
            System.out.printf("trained all %d epochs without stopping%n", maxEpochs);
        }
        Map<String, Double> restored = trainer.evaluate(validation);
        System.out.printf("restored the weights of epoch %d: val_loss %.4f, val_accuracy %.4f%n", bestEpoch,
                restored.get("loss"), restored.get("accuracy"));
    }
}
