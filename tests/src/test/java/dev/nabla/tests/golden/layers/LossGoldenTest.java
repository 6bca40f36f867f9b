package dev.nabla.tests.golden.layers;

import dev.nabla.autodiff.Tensor;
import dev.nabla.nn.loss.BceLoss;
import dev.nabla.nn.loss.BceWithLogitsLoss;
import dev.nabla.nn.loss.CrossEntropyLoss;
import dev.nabla.nn.loss.HuberLoss;
import dev.nabla.nn.loss.KlDivLoss;
import dev.nabla.nn.loss.KlDivReduction;
import dev.nabla.nn.loss.L1Loss;
import dev.nabla.nn.loss.Loss;
import dev.nabla.nn.loss.MseLoss;
import dev.nabla.nn.loss.NllLoss;
import dev.nabla.nn.loss.Reduction;
import dev.nabla.nn.loss.SmoothL1Loss;
import dev.nabla.tests.golden.layers.LayerGoldens.Built;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss of {@code dev.nabla.nn.loss} against PyTorch (make_loss_goldens.py): each reduction
 * and option, outputs and the gradients of input and target. A case's inputs are the input, the
 * target, then the weight and the positive weight where its args name them; the loss is built from
 * them on each call, as a training loop would build it once.
 */
class LossGoldenTest {
    @TestFactory
    Stream<DynamicNode> goldens() {
        return LayerGoldens.tests("loss", (c, dtype) -> Built.function(xs -> loss(c, xs).apply(xs.get(0), xs.get(1))));
    }

    private static Loss loss(LayerCase c, List<Tensor> xs) {
        Function<String, Tensor> optional = new Function<>() {
            private int next = 2;

            @Override
            public Tensor apply(String key) {
                return c.has(key) && c.flag(key) ? xs.get(next++) : null;
            }
        };
        return switch (c.kind()) {
            case "MSELoss" -> new MseLoss(reduction(c));
            case "L1Loss" -> new L1Loss(reduction(c));
            case "SmoothL1Loss" -> new SmoothL1Loss(reduction(c), c.real("beta"));
            case "HuberLoss" -> new HuberLoss(reduction(c), c.real("delta"));
            case "CrossEntropyLoss" -> new CrossEntropyLoss(optional.apply("weight"), ignoreIndex(c), reduction(c),
                    c.has("labelSmoothing") ? c.real("labelSmoothing") : 0);
            case "NLLLoss" -> new NllLoss(optional.apply("weight"), ignoreIndex(c), reduction(c));
            case "BCELoss" -> new BceLoss(optional.apply("weight"), reduction(c));
            case "BCEWithLogitsLoss" -> new BceWithLogitsLoss(optional.apply("weight"), reduction(c),
                    optional.apply("posWeight"));
            case "KLDivLoss" -> new KlDivLoss(c.text("reduction").equals("batchmean") ? KlDivReduction.BATCH_MEAN
                    : KlDivReduction.valueOf(upper(c.text("reduction"))), c.flag("logTarget"));
            default -> throw new IllegalArgumentException("unknown kind " + c.kind());
        };
    }

    private static Reduction reduction(LayerCase c) {
        return Reduction.valueOf(upper(c.text("reduction")));
    }

    private static int ignoreIndex(LayerCase c) {
        return c.has("ignoreIndex") ? c.integer("ignoreIndex") : NllLoss.DEFAULT_IGNORE_INDEX;
    }

    private static String upper(String torchName) {
        return torchName.toUpperCase(Locale.ROOT);
    }
}
