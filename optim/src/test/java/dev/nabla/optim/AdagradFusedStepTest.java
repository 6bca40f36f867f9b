package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adagrad's {@code step()}, which runs the backend's fused {@code adagradStep}, against its pure
 * update rule: the parameter and the sum bit for bit over several steps.
 */
class AdagradFusedStepTest {

    @Test
    void fusedStepEqualsThePureRuleBitForBit() {
        List<Adagrad.Options> settings = List.of(new Adagrad.Options(),
                new Adagrad.Options().withLr(0.1).withLrDecay(1e-2).withWeightDecay(1e-2),
                new Adagrad.Options().withLr(0.03).withInitialAccumulatorValue(0.1).withEps(1e-6));
        for (DType dtype : DType.values()) {
            for (Adagrad.Options o : settings) {
                Rng rng = new Rng(13);
                Tensor p = Tensor.rand(rng, Shape.of(17, 33), dtype, Backends.defaultDevice()).requiresGrad(true);
                Adagrad opt = new Adagrad(List.of(p), o);
                Tensor expected = p.detach().copy();
                Tensor sum = Tensor.full(o.initialAccumulatorValue(), p.shape(), dtype, p.device());
                for (int step = 1; step <= 3; step++) {
                    Tensor g = Tensor.randn(rng, p.shape(), dtype, p.device());
                    Updated next = Adagrad.update(expected, g, sum, step, o);
                    expected = next.param();
                    sum = next.state().get("sum");
                    p.setGrad(g);
                    opt.step();
                    String what = dtype + " " + o + " step " + step;
                    assertThat(p.detach().toDoubleArray()).as(what).containsExactly(expected.toDoubleArray());
                    assertThat(opt.state(p).get("sum").toDoubleArray()).as(what).containsExactly(sum.toDoubleArray());
                }
            }
        }
    }
}
