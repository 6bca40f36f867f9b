package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Adam's and AdamW's {@code step()}, which runs the backend's fused {@code adamStep}, against
 * their pure update rules: the parameter and every moment bit for bit over several steps.
 */
class AdamFusedStepTest {

    /** One optimizer's pure rule: the new parameter and state from the old. */
    private interface PureRule {
        Updated apply(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
                      Adam.Options o);
    }

    private static final List<Adam.Options> SETTINGS = List.of(
            new Adam.Options(),
            new Adam.Options().withLr(0.01).withWeightDecay(1e-2),
            new Adam.Options().withLr(0.003).withBetas(0.8, 0.99).withEps(1e-6).withAmsgrad(true),
            new Adam.Options().withLr(0.02).withWeightDecay(5e-4).withAmsgrad(true));

    @Test
    void adamsFusedStepEqualsItsPureRuleBitForBit() {
        check(ps -> new Adam(ps, SETTINGS.get(0)), Adam::update, false);
    }

    @Test
    void adamWsFusedStepEqualsItsPureRuleBitForBit() {
        check(ps -> new AdamW(ps, SETTINGS.get(0)), AdamW::update, true);
    }

    @Test
    void aStateReadBeforeAStepKeepsItsValues() {
        Tensor p = Tensor.fromArray(new float[] {1, 2}, Shape.of(2), Backends.defaultDevice()).requiresGrad(true);
        Adam opt = new Adam(List.of(p), new Adam.Options().withLr(0.1));
        p.setGrad(Tensor.fromArray(new float[] {1, -1}, Shape.of(2), p.device()));
        opt.step();
        Tensor before = opt.state(p).get("exp_avg");
        double[] values = before.toDoubleArray();
        p.setGrad(Tensor.fromArray(new float[] {3, 3}, Shape.of(2), p.device()));
        opt.step();
        assertThat(before.toDoubleArray()).containsExactly(values);
        assertThat(opt.state(p).get("exp_avg").toDoubleArray()).isNotEqualTo(values);
    }

    private static void check(Function<List<Tensor>, Optimizer<Adam.Options>> make, PureRule pure, boolean adamW) {
        for (DType dtype : DType.values()) {
            for (Adam.Options o : SETTINGS) {
                Adam.Options options = adamW && o.weightDecay() == 0 ? o.withWeightDecay(1e-2) : o;
                Rng rng = new Rng(11);
                Tensor p = Tensor.rand(rng, Shape.of(17, 33), dtype, Backends.defaultDevice()).requiresGrad(true);
                Optimizer<Adam.Options> opt = make.apply(List.of(p));
                opt.paramGroups().get(0).setOptions(options);
                Tensor expected = p.detach().copy();
                Tensor m = expected.zerosLike();
                Tensor v = expected.zerosLike();
                Tensor vMax = options.amsgrad() ? expected.zerosLike() : null;
                for (int step = 1; step <= 3; step++) {
                    Tensor g = Tensor.randn(rng, p.shape(), dtype, p.device());
                    Updated next = pure.apply(expected, g, m, v, vMax, step, options);
                    expected = next.param();
                    m = next.state().get("exp_avg");
                    v = next.state().get("exp_avg_sq");
                    vMax = next.state().get("max_exp_avg_sq");
                    p.setGrad(g);
                    opt.step();
                    String what = (adamW ? "AdamW " : "Adam ") + dtype + " " + options + " step " + step;
                    assertThat(p.detach().toDoubleArray()).as(what).containsExactly(expected.toDoubleArray());
                    ParamState state = opt.state(p);
                    assertThat(state.names()).as(what).containsExactlyElementsOf(next.state().keySet());
                    assertThat(state.get("exp_avg").toDoubleArray()).as(what).containsExactly(m.toDoubleArray());
                    assertThat(state.get("exp_avg_sq").toDoubleArray()).as(what).containsExactly(v.toDoubleArray());
                    if (vMax != null) {
                        assertThat(state.get("max_exp_avg_sq").toDoubleArray()).as(what)
                                .containsExactly(vMax.toDoubleArray());
                    }
                }
            }
        }
    }
}
