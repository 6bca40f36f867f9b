package dev.nabla.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void countsElementsAndPrintsLikePyTorch() {
        assertThat(Shape.of(2, 3, 4).numel()).isEqualTo(24);
        assertThat(Shape.scalar().numel()).isEqualTo(1);
        assertThat(Shape.of(0, 5).numel()).isZero();
        assertThat(Shape.of(2, 3)).hasToString("[2, 3]");
    }

    @Test
    void negativeAxesCountFromTheEnd() {
        Shape s = Shape.of(2, 3, 4);
        assertThat(s.dim(-1)).isEqualTo(4);
        assertThat(s.axis(-3, "op")).isZero();
        assertThatThrownBy(() -> s.axis(3, "sum"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum: axis 3 is out of range for a tensor of rank 3; valid axes are -3..2");
        assertThatThrownBy(() -> Shape.scalar().axis(0, "sum")).hasMessageContaining("it is a scalar");
    }

    @Test
    void contiguousStridesAreRowMajor() {
        assertThat(Shape.of(2, 3, 4).contiguousStrides()).containsExactly(12, 4, 1);
        assertThat(Shape.of(2, 0, 4).contiguousStrides()).containsExactly(4, 4, 1);
    }

    @Test
    void broadcastsByNumpyRules() {
        assertThat(Shape.broadcast("add", Shape.of(3, 1), Shape.of(4))).isEqualTo(Shape.of(3, 4));
        assertThat(Shape.broadcast("add", Shape.scalar(), Shape.of(2, 2))).isEqualTo(Shape.of(2, 2));
        assertThat(Shape.broadcast("add", Shape.of(5, 1, 3), Shape.of(2, 1))).isEqualTo(Shape.of(5, 2, 3));
        assertThatThrownBy(() -> Shape.broadcast("add", Shape.of(2, 3), Shape.of(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("add: shapes [2, 3] and [4, 3] do not broadcast: size 2 vs 4 at aligned axis -2;"
                        + " sizes must match or be 1");
    }

    @Test
    void rejectsNegativeAndOversizedShapes() {
        assertThatThrownBy(() -> Shape.of(2, -1)).hasMessageContaining("negative size at axis 1");
        assertThatThrownBy(() -> Shape.of(1 << 16, 1 << 16)).hasMessageContaining("more than 2^31-1 elements");
    }

    @Test
    void isAValue() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
        int[] dims = {1, 2};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        assertThat(s.dim(0)).isEqualTo(1);
    }
}
