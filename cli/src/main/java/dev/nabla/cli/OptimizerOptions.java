package dev.nabla.cli;

import dev.nabla.autodiff.Tensor;
import dev.nabla.optim.Adagrad;
import dev.nabla.optim.Adam;
import dev.nabla.optim.AdamW;
import dev.nabla.optim.Optimizer;
import dev.nabla.optim.Proximal;
import dev.nabla.optim.RMSprop;
import dev.nabla.optim.SGD;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The optimizer options of {@code nabla train}: the algorithm, its hyperparameters, and L1/L2
 * regularization. L2 is the optimizer's weight decay ({@code weightDecay * w} added to the
 * gradient; decoupled for AdamW); L1 is a proximal soft-threshold after each step, which gives
 * exact zeros (see {@link Proximal#l1}).
 */
final class OptimizerOptions {
    /** The algorithms by name, with the learning rate each uses when {@code --lr} is not given. */
    private static final Map<String, Double> DEFAULT_LR = Map.of("sgd", 0.01, "momentum", 0.01, "nesterov", 0.01,
            "adam", 1e-3, "adamw", 1e-3, "rmsprop", 1e-3, "adagrad", 1e-2);
    private static final String NAMES = "sgd, momentum, nesterov, adam, adamw, rmsprop or adagrad";

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
            description = "sgd, momentum (SGD with momentum 0.9), nesterov, adam, adamw, rmsprop or adagrad "
                    + "(default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 0.01 for sgd, momentum, nesterov and adagrad; 0.001 for adam, adamw "
                    + "and rmsprop).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M",
            description = "Momentum of sgd (default 0), momentum and nesterov (default 0.9), rmsprop (default 0).")
    Double momentum;

    @Option(names = "--betas", paramLabel = "B1,B2", split = ",", hideParamSyntax = true,
            description = "Adam's and AdamW's moment decay rates (default: 0.9,0.999).")
    double[] betas;

    @Option(names = {"--l2", "--weight-decay"}, paramLabel = "LAMBDA",
            description = "L2 regularization: LAMBDA * w added to each gradient (AdamW: decoupled decay; default: "
                    + "none, AdamW 0.01).")
    Double l2;

    @Option(names = "--l1", paramLabel = "LAMBDA",
            description = "L1 regularization: after each step, weights shrink by lr * LAMBDA towards zero, and those "
                    + "within it become exactly zero (default: none).")
    Double l1;

    /**
     * The optimizer of {@code params}.
     *
     * @throws IllegalArgumentException naming the option if the name is unknown, a value is out of
     *                                  range, or an option does not apply to the chosen optimizer
     */
    Optimizer<?> create(List<Tensor> params) {
        if (!DEFAULT_LR.containsKey(name)) {
            throw new IllegalArgumentException("--optimizer: unknown '" + name + "'; choose " + NAMES);
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("--lr must be positive, got " + lr);
        }
        appliesTo("--momentum", momentum, "sgd", "momentum", "nesterov", "rmsprop");
        appliesTo("--betas", betas, "adam", "adamw");
        if (betas != null && betas.length != 2) {
            throw new IllegalArgumentException("--betas takes B1,B2, e.g. 0.9,0.999");
        }
        double rate = lr != null ? lr : DEFAULT_LR.get(name);
        Optimizer<?> optimizer = switch (name) {
            case "sgd", "momentum", "nesterov" -> new SGD(params, SGD.Options.lr(rate)
                    .withMomentum(momentum != null ? momentum : name.equals("sgd") ? 0 : 0.9)
                    .withNesterov(name.equals("nesterov")).withWeightDecay(or(l2, 0)));
            case "adam" -> new Adam(params, adam(new Adam.Options(), rate));
            case "adamw" -> new AdamW(params, adam(AdamW.defaultOptions(), rate));
            case "rmsprop" -> new RMSprop(params, new RMSprop.Options().withLr(rate).withMomentum(or(momentum, 0))
                    .withWeightDecay(or(l2, 0)));
            default -> new Adagrad(params, new Adagrad.Options().withLr(rate).withWeightDecay(or(l2, 0)));
        };
        if (l1 != null) {
            optimizer.setProximal(Proximal.l1(l1));
        }
        return optimizer;
    }

    private Adam.Options adam(Adam.Options defaults, double rate) {
        Adam.Options o = defaults.withLr(rate);
        if (betas != null) {
            o = o.withBetas(betas[0], betas[1]);
        }
        return l2 != null ? o.withWeightDecay(l2) : o;
    }

    private void appliesTo(String option, Object value, String... optimizers) {
        if (value != null && !List.of(optimizers).contains(name)) {
            throw new IllegalArgumentException(option + " applies to " + String.join(", ", optimizers) + ", not to "
                    + name);
        }
    }

    private static double or(Double value, double otherwise) {
        return value != null ? value : otherwise;
    }
}
