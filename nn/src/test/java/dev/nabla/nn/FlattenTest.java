package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Shape;
import org.junit.jupiter.api.Test;

class FlattenTest {
    @Test
    void mergesTheChosenAxes() {
        Tensor x = Tensor.arange(120).reshape(2, 3, 4, 5);
        assertThat(new Flatten().call(x).shape()).isEqualTo(Shape.of(2, 60));
        assertThat(new Flatten(0, -1).call(x).shape()).isEqualTo(Shape.of(120));
        assertThat(new Flatten(1, 2).call(x).shape()).isEqualTo(Shape.of(2, 12, 5));
        assertThat(new Flatten().call(x).toFloatArray()).containsExactly(x.toFloatArray());
        assertThat(new Flatten()).hasToString("Flatten(start_dim=1, end_dim=-1)");
    }
}
