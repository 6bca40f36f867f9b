package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RMSprop's {@code step()}, which runs the backend's fused {@code rmspropStep}, against its pure
 * update rule: the parameter and every state tensor bit for bit over several steps, for each
 * combination of weight decay, momentum and centering.
 */
class RmspropFusedStepTest {

    @Test
    void fusedStepEqualsThePureRuleBitForBit() {
        List<RMSprop.Options> settings = List.of(new RMSprop.Options(),
                new RMSprop.Options().withLr(0.03).withWeightDecay(1e-2).withMomentum(0.9),
                new RMSprop.Options().withAlpha(0.9).withEps(1e-6).withCentered(true),
                new RMSprop.Options().withLr(0.05).withWeightDecay(5e-4).withMomentum(0.5).withCentered(true));
        for (DType dtype : DType.values()) {
            for (RMSprop.Options o : settings) {
                Rng rng = new Rng(17);
                Tensor p = Tensor.rand(rng, Shape.of(19, 35), dtype, Backends.defaultDevice()).requiresGrad(true);
                RMSprop opt = new RMSprop(List.of(p), o);
                Tensor expected = p.detach().copy();
                Map<String, Tensor> state = Map.of("square_avg", expected.zerosLike());
                for (int step = 1; step <= 3; step++) {
                    Tensor g = Tensor.randn(rng, p.shape(), dtype, p.device());
                    Updated next = RMSprop.update(expected, g, state.get("square_avg"), state.get("grad_avg"),
                            state.get("momentum_buffer"), o);
                    expected = next.param();
                    state = next.state();
                    p.setGrad(g);
                    opt.step();
                    String what = dtype + " " + o + " step " + step;
                    assertThat(p.detach().toDoubleArray()).as(what).containsExactly(expected.toDoubleArray());
                    assertThat(opt.state(p).names()).as(what).containsExactlyElementsOf(state.keySet());
                    for (String name : state.keySet()) {
                        assertThat(opt.state(p).get(name).toDoubleArray()).as(what + " " + name)
                                .containsExactly(state.get(name).toDoubleArray());
                    }
                }
            }
        }
    }

    /**
     * Centering and momentum switched on after a plain step: the state lacks {@code grad_avg} and
     * {@code momentum_buffer}, which the step takes as zeros, as the pure rule does.
     */
    @Test
    void settingsChangedMidTrainingStartFromZeroAverages() {
        Rng rng = new Rng(23);
        Tensor p = Tensor.rand(rng, Shape.of(5, 7), DType.F32, Backends.defaultDevice()).requiresGrad(true);
        RMSprop opt = new RMSprop(List.of(p));
        p.setGrad(Tensor.randn(rng, p.shape(), DType.F32, p.device()));
        opt.step();
        Tensor before = p.detach().copy();
        Tensor squareAvg = opt.state(p).get("square_avg");
        RMSprop.Options changed = new RMSprop.Options().withMomentum(0.9).withCentered(true);
        opt.paramGroups().get(0).setOptions(changed);
        Tensor g = Tensor.randn(rng, p.shape(), DType.F32, p.device());
        p.setGrad(g);
        opt.step();
        Updated expected = RMSprop.update(before, g, squareAvg, null, null, changed);
        assertThat(p.detach().toDoubleArray()).containsExactly(expected.param().toDoubleArray());
        assertThat(opt.state(p).names()).containsExactly("square_avg", "momentum_buffer", "grad_avg");
        assertThat(opt.state(p).get("grad_avg").toDoubleArray())
                .containsExactly(expected.state().get("grad_avg").toDoubleArray());
    }
}
