package dev.nabla.train;

import dev.nabla.autodiff.GradMode;
import dev.nabla.autodiff.Tensor;
import dev.nabla.data.Batch;
import dev.nabla.data.BatchIterator;
import dev.nabla.data.DataLoader;
import dev.nabla.nn.Module;
import dev.nabla.nn.loss.Loss;
import dev.nabla.train.metrics.ConfusionMatrix;
import dev.nabla.train.metrics.Metric;
import dev.nabla.train.metrics.RunningMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Uses a model on a {@link DataLoader}'s batches (features {@code [N, ...]}, labels {@code [N]})
 * in evaluation mode without gradients: its loss and metrics, its outputs, a classifier's
 * confusion matrix. Each leaves the model's mode as it was. A {@link Trainer} evaluates with one;
 * a trained model needs no optimizer to be evaluated:
 *
 * <pre>{@code
 * Map<String, Double> results = new Evaluator(model, new CrossEntropyLoss(), List.of(new Accuracy())).evaluate(test);
 * }</pre>
 */
public final class Evaluator {
    private final Module model;
    private final Loss loss;
    private final List<Metric> metrics;

    /**
     * @param metrics the metrics reported besides the loss; their running sums are used and restored
     */
    public Evaluator(Module model, Loss loss, List<Metric> metrics) {
        this.model = Objects.requireNonNull(model, "evaluator: model");
        this.loss = Objects.requireNonNull(loss, "evaluator: loss");
        this.metrics = List.copyOf(metrics);
    }

    /**
     * The mean loss and every metric over all batches of {@code loader}'s epoch 0, in evaluation
     * mode without gradients; the model's mode and the metrics' running sums are left as they were.
     *
     * @return {@code loss} and the metrics' values by name
     * @throws IllegalArgumentException if a batch does not fit the model, the loss or a metric
     */
    public Map<String, Double> evaluate(DataLoader loader) {
        List<double[]> saved = metrics.stream().map(Metric::state).toList();
        metrics.forEach(Metric::reset);
        RunningMean mean = new RunningMean();
        try {
            forEachOutput("evaluate", loader, (index, batch, output) -> {
                String where = "evaluate: batch " + index;
                mean.add(lossOf(where, batch, output).item(), batch.size());
                updateMetrics(where, batch, output);
            });
            Map<String, Double> out = new LinkedHashMap<>();
            out.put(Trainer.LOSS, mean.mean());
            metrics.forEach(m -> out.put(m.name(), m.result()));
            return out;
        } finally {
            for (int i = 0; i < metrics.size(); i++) {
                metrics.get(i).restore(saved.get(i));
            }
        }
    }

    /**
     * The model's outputs for every batch of {@code loader}'s epoch 0, in evaluation mode without
     * gradients, concatenated along the first axis: {@code [samples, ...]} in the loader's order
     * (the dataset's order for a loader that does not shuffle).
     */
    public Tensor predict(DataLoader loader) {
        List<Tensor> outputs = new ArrayList<>();
        forEachOutput("predict", loader, (index, batch, output) -> outputs.add(output));
        return Tensor.cat(outputs, 0);
    }

    /**
     * The model's output for {@code features} ({@code [N, ...]}), in evaluation mode without
     * gradients; the model's mode is left as it was.
     */
    public Tensor predict(Tensor features) {
        boolean training = model.isTraining();
        model.eval();
        try (GradMode.Scope s = GradMode.disable()) {
            return model.call(features);
        } finally {
            if (training) {
                model.train();
            }
        }
    }

    /**
     * The confusion matrix of the model's predictions (the highest class score) against the
     * labels over {@code loader}'s epoch 0, for a classifier with outputs {@code [N, C]}.
     *
     * @throws IllegalArgumentException if the outputs are not class scores or a label is not a class index
     */
    public ConfusionMatrix confusionMatrix(DataLoader loader) {
        ConfusionMatrix[] matrix = new ConfusionMatrix[1];
        forEachOutput("confusionMatrix", loader, (index, batch, output) -> {
            if (matrix[0] == null) {
                if (output.rank() != 2) {
                    throw batchError("confusionMatrix", batch, "the output " + output.shape() + " is not class"
                            + " scores [N, C]", null);
                }
                matrix[0] = new ConfusionMatrix(output.dim(1));
            }
            matrix[0].update(output, batch.labels());
        });
        return matrix[0];
    }

    /** What is done with each batch's output in evaluation. */
    @FunctionalInterface
    private interface OutputAction {
        void accept(int index, Batch batch, Tensor output);
    }

    /** Runs the model in evaluation mode without gradients over epoch 0 of {@code loader}. */
    private void forEachOutput(String op, DataLoader loader, OutputAction action) {
        Objects.requireNonNull(loader, op + ": loader");
        boolean training = model.isTraining();
        model.eval();
        try (GradMode.Scope s = GradMode.disable(); BatchIterator batches = loader.iterator(0)) {
            for (int b = 0; batches.hasNext(); b++) {
                Batch batch = batches.next();
                action.accept(b, batch, forward(op + ": batch " + b, batch));
            }
        } finally {
            if (training) {
                model.train();
            }
        }
    }

    /** The model's output for the batch; a shape error names {@code where} and the batch. */
    Tensor forward(String where, Batch batch) {
        try {
            return model.call(batch.features());
        } catch (IllegalArgumentException e) {
            throw batchError(where, batch, "the model rejected the features: " + e.getMessage(), e);
        }
    }

    /** The loss of {@code output} against the batch's labels, which must be one number. */
    Tensor lossOf(String where, Batch batch, Tensor output) {
        Tensor value;
        try {
            value = loss.apply(output, batch.labels());
        } catch (IllegalArgumentException e) {
            throw batchError(where, batch, "the loss rejected output " + output.shape() + ": " + e.getMessage(), e);
        }
        if (value.numel() != 1) {
            throw batchError(where, batch, "the loss returned shape " + value.shape() + ", not one number; use a"
                    + " loss with mean or sum reduction", null);
        }
        return value;
    }

    /** Adds the batch to every metric's running sums. */
    void updateMetrics(String where, Batch batch, Tensor output) {
        for (Metric m : metrics) {
            try {
                m.update(output, batch.labels());
            } catch (IllegalArgumentException e) {
                throw batchError(where, batch, "metric " + m.name() + ": " + e.getMessage(), e);
            }
        }
    }

    static IllegalArgumentException batchError(String where, Batch batch, String problem, Exception cause) {
        return new IllegalArgumentException(where + " (features " + batch.features().shape() + ", labels "
                + batch.labels().shape() + "): " + problem, cause);
    }
}
