package dev.nabla.tests.golden.optim;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.loss.Losses;
import dev.nabla.optim.Optimizer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The golden training run of one case in one dtype: the model {@code Linear(4, 8), Tanh,
 * Linear(8, 3)} from the stored initial parameters, mean squared error on the stored data, the
 * case's optimizer and clipping.
 */
final class GoldenRun {
    final OptimCase goldenCase;
    final DType dtype;
    final Sequential model;
    final Optimizer<?> optimizer;
    private final Tensor x;
    private final Tensor y;

    GoldenRun(OptimCase goldenCase, DType dtype) {
        this.goldenCase = goldenCase;
        this.dtype = dtype;
        Rng unused = new Rng(0); // the stored initial parameters replace the drawn ones
        model = new Sequential(new Linear(4, 8, true, unused, dtype, Backends.defaultDevice()), Activation.tanh(),
                new Linear(8, 3, true, unused, dtype, Backends.defaultDevice()));
        Map<String, Tensor> init = new LinkedHashMap<>();
        model.namedParameters().keySet().forEach(k -> init.put(k, OptimGoldens.tensor("init/" + k, dtype)));
        model.loadStateDict(init, true);
        optimizer = goldenCase.build(model.namedParameters());
        x = OptimGoldens.tensor("data/x", dtype);
        y = OptimGoldens.tensor("data/y", dtype);
    }

    /** One training step; returns the total gradient norm when the case clips by norm, else NaN. */
    double step() {
        optimizer.zeroGrad();
        Losses.mseLoss(model.call(x), y).backward();
        double norm = goldenCase.clip(model.parameters());
        optimizer.step();
        return norm;
    }

    /** The key prefix of this run's stored trajectories, e.g. {@code adam/f32/}. */
    String prefix() {
        return goldenCase.name() + "/" + dtype.name().toLowerCase(Locale.ROOT) + "/";
    }
}
