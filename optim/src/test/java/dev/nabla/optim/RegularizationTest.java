package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizationTest {
    private static Tensor param(double... values) {
        return Tensor.fromArray(values, values.length).requiresGrad(true);
    }

    @Test
    void penaltiesHaveTheirStatedValuesAndGradients() {
        Tensor a = param(1, -2);
        Tensor b = param(3);
        Tensor l2 = Regularization.l2Penalty(List.of(a, b), 0.1);
        assertThat(l2.item()).isCloseTo(0.05 * 14, within(1e-15));
        l2.backward();
        assertThat(a.grad().toDoubleArray()).containsExactly(0.1, -0.2);
        a.zeroGrad();
        Tensor l1 = Regularization.l1Penalty(List.of(a, b), 0.1);
        assertThat(l1.item()).isCloseTo(0.6, within(1e-15));
        l1.backward();
        assertThat(a.grad().toDoubleArray()).containsExactly(0.1, -0.1);
        assertThat(Regularization.elasticNet(List.of(a, b), 0.1, 0.2).item()).isCloseTo(0.6 + 0.1 * 14, within(1e-14));
    }

    @Test
    void anL2PenaltyInTheLossEqualsSgdWeightDecay() {
        Tensor penalized = param(1, -2, 0.5);
        Tensor decayed = param(1, -2, 0.5);
        SGD withPenalty = new SGD(List.of(penalized), SGD.Options.lr(0.1));
        SGD withDecay = new SGD(List.of(decayed), SGD.Options.lr(0.1).withWeightDecay(0.3));
        for (int i = 0; i < 5; i++) {
            withPenalty.zeroGrad();
            withDecay.zeroGrad();
            penalized.mul(penalized).sum().add(Regularization.l2Penalty(List.of(penalized), 0.3)).backward();
            decayed.mul(decayed).sum().backward();
            withPenalty.step();
            withDecay.step();
        }
        double[] p = penalized.toDoubleArray();
        double[] d = decayed.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isCloseTo(d[i], within(1e-15));
        }
    }

    @Test
    void proximalL1StepGivesExactZerosWithAnyOptimizer() {
        Tensor w = param(0.05, -0.3, 0.001, 2);
        Adam opt = new Adam(List.of(w), new Adam.Options().withLr(0.01));
        opt.setProximal(Proximal.l1(5));
        w.setGrad(Tensor.fromArray(new double[] {0, 0, 0, 0}, 4));
        opt.step();
        // Zero gradients leave Adam's step at 0; the prox then shrinks by lr * lambda = 0.05.
        assertThat(w.toDoubleArray()).containsExactly(0, -0.25, 0, 1.95);
        assertThat(opt.paramGroups().get(0).proximal()).hasToString("Proximal.l1(5.0)");
    }

    @Test
    void proximalStepCanBeLimitedToOneGroupAndElasticNetAlsoShrinks() {
        Tensor w = param(1, -0.01);
        Tensor b = param(0.01);
        SGD opt = new SGD(List.of(w), SGD.Options.lr(0.1));
        opt.addParamGroup(List.of(b), SGD.Options.lr(0.1));
        opt.paramGroups().get(0).setProximal(Proximal.elasticNet(0.5, 1));
        w.setGrad(w.detach().zerosLike());
        b.setGrad(b.detach().zerosLike());
        opt.step();
        assertThat(w.toDoubleArray()[0]).isCloseTo((1 - 0.05) / 1.1, within(1e-15));
        assertThat(w.toDoubleArray()[1]).isEqualTo(0);
        assertThat(b.item()).as("no proximal step on the second group").isEqualTo(0.01);
    }

    @Test
    void softThresholdShrinksTowardsZero() {
        Tensor t = Regularization.softThreshold(Tensor.fromArray(new double[] {-3, -1, 0, 0.5, 2}, 5), 1);
        assertThat(t.toDoubleArray()).containsExactly(-2, 0, 0, 0, 1);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Regularization.l2Penalty(List.of(), 0.1))
                .hasMessage("l2Penalty: empty parameter list; pass the tensors to regularize");
        assertThatThrownBy(() -> Regularization.l1Penalty(List.of(param(1)), -1))
                .hasMessage("l1Penalty: invalid lambda -1.0; it must be a number >= 0");
        assertThatThrownBy(() -> Regularization.elasticNet(List.of(param(1)), 0.1, Double.NaN))
                .hasMessage("elasticNet: invalid l2 NaN; it must be a number >= 0");
        assertThatThrownBy(() -> Proximal.l1(-0.1)).hasMessageContaining("Proximal.l1: invalid lambda -0.1");
        assertThatThrownBy(() -> Regularization.softThreshold(param(1), -1))
                .hasMessageContaining("softThreshold: invalid threshold -1.0");
    }
}
