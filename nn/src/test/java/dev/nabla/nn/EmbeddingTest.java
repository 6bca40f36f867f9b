package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    private static Embedding embedding(int n, int dim, Integer padding) {
        return new Embedding(n, dim, padding, new Rng(1), DType.F64, Device.REFERENCE);
    }

    private static Tensor ids(double[] values, int... dims) {
        return Tensor.fromArray(values, Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    @Test
    void looksUpRowsForIndicesOfAnyShape() {
        Embedding e = embedding(5, 3, null);
        Tensor out = e.call(ids(new double[] {4, 0, 2, 2, 1, 4}, 2, 3));
        assertThat(out.shape()).isEqualTo(Shape.of(2, 3, 3));
        double[] w = e.weight().toDoubleArray();
        double[] o = out.toDoubleArray();
        int[] rows = {4, 0, 2, 2, 1, 4};
        for (int i = 0; i < rows.length; i++) {
            assertThat(Arrays.copyOfRange(o, 3 * i, 3 * i + 3)).containsExactly(Arrays.copyOfRange(w, 3 * rows[i],
                    3 * rows[i] + 3));
        }
        assertThat(e.call(Tensor.scalar(3, DType.F64, Device.REFERENCE)).shape()).isEqualTo(Shape.of(3));
        assertThat(e.stateDict().keySet()).containsExactly("weight");
    }

    @Test
    void initialisesFromAStandardNormal() {
        double[] w = embedding(1000, 100, null).weight().toDoubleArray();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertThat(mean).isCloseTo(0, offset(0.005)); // 5 standard errors of 1e-3
        assertThat(var).isCloseTo(1, offset(0.01));
    }

    @Test
    void thePaddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding e = embedding(4, 2, -1); // row 3
        assertThat(e.paddingIdx()).isEqualTo(3);
        assertThat(Arrays.copyOfRange(e.weight().toDoubleArray(), 6, 8)).containsExactly(0, 0);
        e.call(ids(new double[] {3, 1, 1, 3, 0}, 5)).sum().backward();
        assertThat(e.weight().grad().toDoubleArray()).containsExactly(1, 1, 2, 2, 0, 0, 0, 0);
        assertThat(e).hasToString("Embedding(4, 2, padding_idx=3)");
        assertThat(embedding(4, 2, null)).hasToString("Embedding(4, 2)");
    }

    @Test
    void rejectsIndicesOutOfRangeOrNotIntegral() {
        Embedding e = embedding(4, 2, null);
        assertThatThrownBy(() -> e.call(ids(new double[] {1, 4}, 2)))
                .isInstanceOf(ModuleException.class)
                .hasMessage("forward of Embedding: embedding: index 4.0 at flat position 1 of the input of shape [2]"
                        + " is not an integer in [0, 4); indices are integral values below numEmbeddings");
        assertThatThrownBy(() -> e.call(ids(new double[] {0.5}, 1))).hasMessageContaining("index 0.5 at flat position 0");
        assertThatThrownBy(() -> e.call(ids(new double[] {-1}, 1))).hasMessageContaining("index -1.0");
        assertThatThrownBy(() -> e.call(ids(new double[] {Double.NaN}, 1))).hasMessageContaining("index NaN");
        assertThatThrownBy(() -> embedding(4, 2, 4)).hasMessage("Embedding: paddingIdx 4 must be in [-4, 4)");
        assertThatThrownBy(() -> embedding(0, 2, null)).hasMessageContaining("sizes must be positive");
    }
}
