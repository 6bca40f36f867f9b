package dev.nabla.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HyperparameterAccessTest {
    @Test
    void readsAndReplacesOneHyperparameterByItsStateDictName() {
        SGD.Options sgd = SGD.Options.lr(0.1).withMomentum(0.9).withNesterov(true);
        assertThat(HyperparameterAccess.has(sgd, "momentum")).isTrue();
        assertThat(HyperparameterAccess.has(sgd, "beta1")).isFalse();
        assertThat(HyperparameterAccess.get(sgd, "weight_decay")).isZero();
        assertThat(HyperparameterAccess.get(sgd, "nesterov")).isEqualTo(1);
        assertThat(HyperparameterAccess.with(sgd, "momentum", 0.5)).isEqualTo(sgd.withMomentum(0.5));
        Adam.Options adam = new Adam.Options();
        assertThat(HyperparameterAccess.with(adam, "beta1", 0.8)).isEqualTo(adam.withBetas(0.8, adam.beta2()));
    }

    @Test
    void unknownNamesAndInvalidValuesAreErrors() {
        SGD.Options sgd = SGD.Options.lr(0.1);
        assertThatThrownBy(() -> HyperparameterAccess.get(sgd, "beta1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Options: no hyperparameter 'beta1'; it has [lr, momentum, dampening, weight_decay,"
                        + " nesterov]");
        assertThatThrownBy(() -> HyperparameterAccess.with(new Adam.Options(), "beta1", 1.0))
                .hasMessage("Adam: invalid beta1 1.0; it must lie in [0, 1)");
    }
}
