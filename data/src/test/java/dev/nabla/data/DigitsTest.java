package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigitsTest {
    @Test
    void loadsTheBundledDigits() {
        ArrayDataset d = Digits.load(Device.REFERENCE);
        assertThat(d.size()).isEqualTo(Digits.SIZE);
        assertThat(d.sampleShape()).isEqualTo(Shape.of(1, 8, 8));
        assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        float[] first = d.get(0).features().toFloatArray();
        assertThat(Arrays.copyOfRange(first, 0, 16)).containsExactly(0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0);
        assertThat(d.get(0).label()).isEqualTo(0);
        assertThat(d.get(1796).label()).isEqualTo(8);
        int[] counts = new int[10];
        float max = 0;
        for (int i = 0; i < d.size(); i++) {
            counts[(int) d.label(i)]++;
            for (float v : d.get(i).features().toFloatArray()) {
                max = Math.max(max, v);
            }
        }
        // scikit-learn: np.bincount(load_digits().target)
        assertThat(counts).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        assertThat(max).isEqualTo(16);
    }

    @Test
    void theSplitIsSeededAndDisjoint() {
        Split a = Digits.split(0.2, 42);
        Split b = Digits.split(0.2, 42);
        assertThat(a.train().size()).isEqualTo(1437);
        assertThat(a.test().size()).isEqualTo(360);
        Set<Integer> test = new HashSet<>();
        for (int i = 0; i < a.test().size(); i++) {
            test.add(((Subset) a.test()).baseIndex(i));
            assertThat(((Subset) b.test()).baseIndex(i)).isEqualTo(((Subset) a.test()).baseIndex(i));
        }
        for (int i = 0; i < a.train().size(); i++) {
            assertThat(test).doesNotContain(((Subset) a.train()).baseIndex(i));
        }
        Subset other = (Subset) Digits.split(0.2, 43).test();
        boolean differs = false;
        for (int i = 0; i < other.size(); i++) {
            differs |= other.baseIndex(i) != ((Subset) a.test()).baseIndex(i);
        }
        assertThat(differs).as("another seed gives another split").isTrue();
        assertThat(a.train().classNames()).hasSize(10);
    }
}
