package dev.nabla.bench;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adam;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.SGD;
import dev.nabla.train.presets.Preset;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration measured by {@link TrainingThroughput}: a preset model on MNIST-shaped
 * batches {@code [batch, 1, 28, 28]} with 10 classes, run in one of three ways. The names are the
 * same in {@code bench/pytorch/train_throughput.py}, which runs the {@code train} and
 * {@code infer} cases in PyTorch.
 *
 * @param name      {@code model-mode-batch}, e.g. {@code lenet5-train-64}
 * @param model     the preset
 * @param mode      what one step does
 * @param batch     samples per step
 * @param optimizer the update of a training step ({@link Optim#NONE} for inference)
 */
public record ThroughputCase(String name, Preset model, Mode mode, int batch, Optim optimizer) {

    /** What one step of a case does. */
    public enum Mode {
        /** Forward, cross-entropy, zero grads, backward, optimizer step, on one prepared batch. */
        TRAIN,
        /** Forward in evaluation mode with gradients off, on one prepared batch. */
        INFER,
        /** The training step through {@code Trainer.fit} over a {@code DataLoader} on in-memory samples. */
        FIT;

        /** The lower-case name used in case names and JSON. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The optimizers of the training cases, with the settings both sides use. */
    public enum Optim {
        /** SGD, lr 0.01, momentum 0.9. */
        SGD_MOMENTUM("sgd(lr=0.01, momentum=0.9)", p -> new SGD(p, SGD.Options.lr(0.01).withMomentum(0.9))),
        /** Adam, lr 1e-3 and PyTorch's other defaults. */
        ADAM("adam(lr=0.001)", p -> new Adam(p, new Adam.Options().withLr(1e-3))),
        /** No optimizer: inference. */
        NONE("none", p -> {
            throw new IllegalStateException("throughput: an inference case has no optimizer");
        });

        private final String label;
        private final Function<List<Tensor>, Optimizer<?>> factory;

        Optim(String label, Function<List<Tensor>, Optimizer<?>> factory) {
            this.label = label;
            this.factory = factory;
        }

        /** The settings as written in results, e.g. {@code sgd(lr=0.01, momentum=0.9)}. */
        public String label() {
            return label;
        }

        /** A new optimizer over {@code params}. */
        public Optimizer<?> create(List<Tensor> params) {
            return factory.apply(params);
        }
    }

    /**
     * Every case, in report order: training (each {@code fit} case right after the bare loop it is
     * compared with, so that the two run close in time), then inference.
     */
    public static List<ThroughputCase> all() {
        return List.of(
                of(Preset.MLP, Mode.TRAIN, 64, Optim.SGD_MOMENTUM),
                of(Preset.MLP, Mode.FIT, 64, Optim.SGD_MOMENTUM),
                of(Preset.MLP, Mode.TRAIN, 256, Optim.SGD_MOMENTUM),
                of(Preset.LENET5, Mode.TRAIN, 64, Optim.SGD_MOMENTUM),
                of(Preset.LENET5, Mode.FIT, 64, Optim.SGD_MOMENTUM),
                of(Preset.CNN_BN, Mode.TRAIN, 128, Optim.ADAM),
                of(Preset.MLP, Mode.INFER, 256, Optim.NONE),
                of(Preset.LENET5, Mode.INFER, 256, Optim.NONE),
                of(Preset.CNN_BN, Mode.INFER, 256, Optim.NONE));
    }

    /**
     * The case called {@code name}.
     *
     * @throws IllegalArgumentException if there is none, listing the names
     */
    public static ThroughputCase byName(String name) {
        for (ThroughputCase c : all()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("throughput: unknown case '" + name + "'; choose from "
                + all().stream().map(ThroughputCase::name).toList());
    }

    private static ThroughputCase of(Preset model, Mode mode, int batch, Optim optimizer) {
        return new ThroughputCase(model.id() + "-" + mode.id() + "-" + batch, model, mode, batch, optimizer);
    }
}
