package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

class SGDTest {
    private static Tensor param(double... values) {
        return Tensor.fromArray(values, values.length).requiresGrad(true);
    }

    private static void grad(Tensor p, double... values) {
        p.setGrad(Tensor.fromArray(values, values.length));
    }

    @Test
    void plainStepMovesAgainstTheGradient() {
        Tensor p = param(1, -2);
        SGD opt = new SGD(List.of(p), SGD.Options.lr(0.1));
        grad(p, 0.5, -1);
        opt.step();
        assertThat(p.toDoubleArray()).containsExactly(1 - 0.05, -2 + 0.1);
        assertThat(opt.state(p).step()).isEqualTo(1);
        assertThat(opt.state(p).names()).isEmpty();
    }

    @Test
    void momentumBufferStartsAsTheGradientThenDampens() {
        SGD.Options o = SGD.Options.lr(0.1).withMomentum(0.9).withDampening(0.5).withWeightDecay(0.01);
        Tensor p = param(2.0);
        Tensor g = Tensor.fromArray(new double[] {1.0}, 1);
        Updated first = SGD.update(p, g, null, o);
        double d1 = 1.0 + 0.01 * 2.0;
        assertThat(first.state().get("momentum_buffer").item()).isEqualTo(d1);
        assertThat(first.param().item()).isCloseTo(2.0 - 0.1 * d1, within(1e-15));
        Updated second = SGD.update(first.param(), g, first.state().get("momentum_buffer"), o);
        double d2 = 1.0 + 0.01 * first.param().item();
        double b2 = 0.9 * d1 + 0.5 * d2;
        assertThat(second.state().get("momentum_buffer").item()).isCloseTo(b2, within(1e-15));
        assertThat(second.param().item()).isCloseTo(first.param().item() - 0.1 * b2, within(1e-15));
        assertThat(p.item()).as("the rule is pure").isEqualTo(2.0);
    }

    @Test
    void nesterovLooksAhead() {
        SGD.Options o = SGD.Options.lr(0.1).withMomentum(0.9).withNesterov(true);
        Tensor p = param(0.0);
        Tensor g = Tensor.fromArray(new double[] {1.0}, 1);
        Updated first = SGD.update(p, g, null, o);
        assertThat(first.param().item()).isCloseTo(-0.1 * (1 + 0.9 * 1), within(1e-15));
        Updated second = SGD.update(first.param(), g, first.state().get("momentum_buffer"), o);
        double b2 = 0.9 * 1 + 1;
        assertThat(second.param().item()).isCloseTo(first.param().item() - 0.1 * (1 + 0.9 * b2), within(1e-15));
    }

    /**
     * {@code step()} runs the fused in-place kernel; it must give exactly what the pure rule gives,
     * step after step, F32 and F64, for every kind of step. (The conformance suite checks each
     * backend's kernel against the default composition on long, parallel operands.)
     */
    @Test
    void fusedStepEqualsThePureRuleBitForBit() {
        List<SGD.Options> settings = List.of(SGD.Options.lr(0.1), SGD.Options.lr(0.02).withWeightDecay(1e-2),
                SGD.Options.lr(0.05).withMomentum(0.9),
                SGD.Options.lr(0.03).withMomentum(0.8).withDampening(0.25).withWeightDecay(5e-4),
                SGD.Options.lr(0.01).withMomentum(0.9).withNesterov(true).withWeightDecay(1e-3));
        for (DType dtype : DType.values()) {
            for (SGD.Options o : settings) {
                Rng rng = new Rng(7);
                Tensor p = Tensor.rand(rng, Shape.of(17, 33), dtype, Backends.defaultDevice()).requiresGrad(true);
                Tensor expected = p.detach().copy();
                Tensor buffer = null;
                SGD opt = new SGD(List.of(p), o);
                for (int step = 0; step < 3; step++) {
                    Tensor g = Tensor.randn(rng, p.shape(), dtype, p.device());
                    Updated pure = SGD.update(expected, g, buffer, o);
                    expected = pure.param();
                    buffer = pure.state().get("momentum_buffer");
                    p.setGrad(g);
                    opt.step();
                    assertThat(p.detach().toDoubleArray()).as("%s %s step %d", dtype, o, step)
                            .containsExactly(expected.toDoubleArray());
                    if (buffer != null) {
                        assertThat(opt.state(p).get("momentum_buffer").toDoubleArray())
                                .containsExactly(buffer.toDoubleArray());
                    }
                }
            }
        }
    }

    @Test
    void aStateReadBeforeAStepKeepsItsValues() {
        Tensor p = param(1, 2, 3);
        SGD opt = new SGD(List.of(p), SGD.Options.lr(0.1).withMomentum(0.9));
        grad(p, 1, 1, 1);
        opt.step();
        Tensor before = opt.state(p).get("momentum_buffer");
        grad(p, 5, 5, 5);
        opt.step();
        assertThat(before.toDoubleArray()).containsExactly(1, 1, 1);
        assertThat(opt.state(p).get("momentum_buffer").toDoubleArray()).containsExactly(5.9, 5.9, 5.9);
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Tensor a = param(1);
        Tensor b = param(1);
        SGD opt = new SGD(List.of(a, b), SGD.Options.lr(1));
        grad(a, 1);
        opt.step();
        assertThat(a.item()).isEqualTo(0);
        assertThat(b.item()).isEqualTo(1);
        assertThat(opt.state(b)).isNull();
        opt.zeroGrad();
        assertThat(a.grad()).isNull();
    }

    @Test
    void rejectsInvalidHyperparameters() {
        assertThatThrownBy(() -> SGD.Options.lr(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SGD: invalid learning rate -1.0; it must be a number >= 0");
        assertThatThrownBy(() -> SGD.Options.lr(Double.NaN)).hasMessageContaining("invalid learning rate NaN");
        assertThatThrownBy(() -> SGD.Options.lr(0.1).withMomentum(-0.5)).hasMessageContaining("invalid momentum -0.5");
        assertThatThrownBy(() -> SGD.Options.lr(0.1).withWeightDecay(-1)).hasMessageContaining("invalid weight decay");
        assertThatThrownBy(() -> SGD.Options.lr(0.1).withNesterov(true))
                .hasMessageContaining("Nesterov momentum requires a momentum > 0 and zero dampening");
        assertThatThrownBy(() -> SGD.Options.lr(0.1).withMomentum(0.9).withDampening(0.1).withNesterov(true))
                .hasMessageContaining("dampening=0.1");
    }
}
