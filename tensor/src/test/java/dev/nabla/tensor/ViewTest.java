package dev.nabla.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewTest {
    private static final View M = View.contiguous(Shape.of(2, 3, 4));

    /** The buffer offsets of every element, in row-major order of the view. */
    private static int[] offsets(View v) {
        int[] out = new int[v.numel()];
        StridedCursor c = new StridedCursor(v.shape(), v);
        for (int i = 0; i < out.length; i++, c.next()) {
            out[i] = c.offset(0);
        }
        return out;
    }

    @Test
    void permuteReordersStridesWithoutMovingData() {
        View p = M.permute(2, 0, 1);
        assertThat(p.shape()).isEqualTo(Shape.of(4, 2, 3));
        assertThat(p.strides()).containsExactly(1, 12, 4);
        assertThat(p.isContiguous()).isFalse();
        assertThat(offsets(View.contiguous(Shape.of(2, 2)).permute(1, 0))).containsExactly(0, 2, 1, 3);
        assertThatThrownBy(() -> M.permute(0, 0, 1)).hasMessageContaining("axis 0 appears twice");
        assertThatThrownBy(() -> M.permute(0, 1)).hasMessageContaining("one entry per axis");
    }

    @Test
    void expandUsesZeroStrides() {
        View v = View.contiguous(Shape.of(3, 1)).expand(Shape.of(2, 3, 4));
        assertThat(v.strides()).containsExactly(0, 1, 0);
        assertThat(offsets(View.contiguous(Shape.of(2)).expand(Shape.of(2, 2)))).containsExactly(0, 1, 0, 1);
        assertThatThrownBy(() -> View.contiguous(Shape.of(3)).expand(Shape.of(4)))
                .hasMessageContaining("only size-1 axes can grow");
    }

    @Test
    void sliceFollowsPythonBounds() {
        View row = View.contiguous(Shape.of(10));
        assertThat(offsets(row.slice(0, 1, 8, 3))).containsExactly(1, 4, 7);
        assertThat(offsets(row.slice(0, -3, 100, 1))).containsExactly(7, 8, 9);
        assertThat(row.slice(0, 5, 2, 1).numel()).isZero();
        assertThatThrownBy(() -> row.slice(0, 0, 5, 0)).hasMessageContaining("step must be positive");
    }

    @Test
    void flipWalksBackwards() {
        View v = View.contiguous(Shape.of(2, 3)).flip(1);
        assertThat(offsets(v)).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(offsets(View.contiguous(Shape.of(2, 3)).flip(0, 1))).containsExactly(5, 4, 3, 2, 1, 0);
    }

    @Test
    void reshapeOfContiguousIsAlwaysAView() {
        View r = M.reshape(Shape.of(6, 4));
        assertThat(r).isNotNull();
        assertThat(r.strides()).containsExactly(4, 1);
        assertThatThrownBy(() -> M.reshape(Shape.of(5))).hasMessageContaining("24 elements");
    }

    @Test
    void reshapeOfStridedViewSplitsAndMergesCompatibleAxes() {
        // A column slice [2, 3, 2] of [2, 3, 4]: the first two axes still merge, the last splits not at all.
        View sliced = M.slice(2, 0, 2, 1);
        View merged = sliced.reshape(Shape.of(6, 2));
        assertThat(merged).isNotNull();
        assertThat(offsets(merged)).containsExactly(offsets(sliced));
        // Splitting a strided axis keeps the element order.
        View stepped = View.contiguous(Shape.of(12)).slice(0, 0, 12, 2);
        View split = stepped.reshape(Shape.of(2, 3));
        assertThat(offsets(split)).containsExactly(0, 2, 4, 6, 8, 10);
        // A transpose cannot be flattened without a copy.
        assertThat(View.contiguous(Shape.of(2, 3)).permute(1, 0).reshape(Shape.of(6))).isNull();
        // Size-1 axes are free to appear and disappear.
        View withOnes = sliced.reshape(Shape.of(2, 1, 3, 2, 1));
        assertThat(offsets(withOnes)).containsExactly(offsets(sliced));
    }

    @Test
    void contiguityIgnoresSizeOneAxes() {
        assertThat(View.of(Shape.of(1, 3), new int[] {99, 1}, 0).isContiguous()).isTrue();
        assertThat(View.contiguous(Shape.of(3, 4)).slice(0, 1, 3, 1).isContiguous()).isTrue();
        assertThat(View.contiguous(Shape.of(3, 4)).slice(1, 1, 3, 1).isContiguous()).isFalse();
    }
}
