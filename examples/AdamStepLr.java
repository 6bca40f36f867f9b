/*
 * The training loop written out: Adam with a step learning-rate schedule, and a validation pass
 * after every epoch.
 *
 * Each batch: clear the gradients, run the model, compute the loss, backpropagate, and let the
 * optimizer update the weights. After each epoch the model is scored on data it never trains on,
 * in eval mode (dropout off) and with gradient recording off, and the schedule steps: StepLR
 * halves the learning rate every 10 epochs, so the late epochs make finer adjustments.
 *
 * Run: examples/run AdamStepLr [--quick]
 */
import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.Batch;
import dev.nabla.data.DataLoader;
import dev.nabla.data.Digits;
import dev.nabla.data.Normalizer;
import dev.nabla.data.Split;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.optim.Adam;
import dev.nabla.optim.schedule.StepLR;
import dev.nabla.tensor.random.Rng;
import java.util.List;

public class AdamStepLr {
    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int epochs = quick ? 21 : 30;
        Rng.manualSeed(0);                                    // initial weights, dropout and loader seeds

        Split digits = Digits.split(0.2, 42);                 // 1,437 training and 360 validation images
        Normalizer toUnitRange = Normalizer.rescale(1 / 16.0);
        DataLoader train = DataLoader.builder(digits.train()).batchSize(64).shuffle(1)
                .batchTransform(toUnitRange.batchTransform()).build();
        DataLoader validation = DataLoader.builder(digits.test()).batchSize(120)
                .batchTransform(toUnitRange.batchTransform()).build();

        Sequential model = new Sequential(new Flatten(), new Linear(64, 64), Activation.relu(), new Dropout(0.2),
                new Linear(64, 10));
        CrossEntropyLoss lossFunction = new CrossEntropyLoss();
        Adam adam = new Adam(model.parameters(), new Adam.Options().withLr(0.01));
        StepLR schedule = new StepLR(adam, 10, 0.5);          // step size 10 epochs, gamma 0.5

        System.out.println("epoch  train loss  val loss  val accuracy  learning rate");
        for (int epoch = 0; epoch < epochs; epoch++) {
            double learningRate = schedule.getLastLr().get(0);

            model.train();
            double trainLoss = 0;
            for (Batch batch : train.epoch(epoch)) {
                adam.zeroGrad();
                Tensor loss = lossFunction.apply(model.call(batch.features()), batch.labels());
                loss.backward();
                adam.step();
                trainLoss += loss.item() * batch.size();
            }

            model.eval();
            double validationLoss = 0;
            double correct = 0;
            try (GradMode.Scope noGrad = GradMode.disable()) {
                for (Batch batch : validation.epoch(0)) {
                    Tensor scores = model.call(batch.features());   // [N, 10]
                    validationLoss += lossFunction.apply(scores, batch.labels()).item() * batch.size();
                    correct += scores.argmax(1, false).eq(batch.labels()).sum().item();
                }
            }
            schedule.step();

            System.out.printf("%5d  %10.4f  %8.4f  %12.4f  %13.5f%n", epoch + 1, trainLoss / train.numSamples(),
                    validationLoss / validation.numSamples(), correct / validation.numSamples(), learningRate);
        }
    }
}
