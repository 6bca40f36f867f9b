package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static ArrayDataset ten() {
        float[] x = new float[10];
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i;
            y[i] = i % 2;
        }
        return ArrayDataset.ofFloats(x, Shape.of(1), y, List.of(), Device.REFERENCE);
    }

    private static int[] values(Dataset d) {
        int[] v = new int[d.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) d.get(i).features().item();
        }
        return v;
    }

    @Test
    void splitsBySeedKeepingTheOrderInEachPart() {
        Split s = Split.random(ten(), 0.25, 5);
        assertThat(s.test().size()).isEqualTo(3);
        assertThat(s.train().size()).isEqualTo(7);
        int[] test = values(s.test());
        int[] train = values(s.train());
        assertThat(test).isSorted();
        assertThat(train).isSorted();
        assertThat(concat(test, train)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(values(Split.random(ten(), 0.25, 5).test())).containsExactly(test);
        assertThat(values(Split.random(ten(), 0.25, 6).test())).isNotEqualTo(test);
    }

    @Test
    void rejectsFractionsThatLeaveAPartEmpty() {
        assertThatThrownBy(() -> Split.random(ten(), 0, 1)).hasMessage("split: testFraction must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> Split.random(ten(), 0.95, 1))
                .hasMessage("split: testFraction 0.95 of 10 samples leaves no training sample; use a smaller fraction or more data");
    }

    @Test
    void subsetsCheckTheirIndices() {
        Dataset sub = ten().subset(9, 0, 9);
        assertThat(values(sub)).containsExactly(9, 0, 9);
        assertThatThrownBy(() -> ten().subset(3, 10)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("subset: indices[1] = 10 is out of range for a dataset of 10 samples");
        assertThatThrownBy(() -> sub.get(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("subset.get: index 3 is out of range [0, 3)");
        assertThatThrownBy(() -> ten().get(-1)).hasMessage("arrayDataset.get: index -1 is out of range [0, 10)");
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
