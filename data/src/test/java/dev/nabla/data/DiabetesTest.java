package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DiabetesTest {
    @Test
    void loadsTheRawData() {
        Diabetes d = Diabetes.loadRaw(Device.REFERENCE);
        assertThat(d.features().shape()).isEqualTo(Shape.of(442, 10));
        assertThat(d.target().shape()).isEqualTo(Shape.of(442));
        assertThat(d.features().dtype()).isEqualTo(DType.F64);
        assertThat(d.features().device()).isEqualTo(Device.REFERENCE);
        assertThat(row(d.features(), 0)).containsExactly(59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87);
        assertThat(row(d.features(), 441)).containsExactly(36, 1, 19.6, 71, 250, 133.2, 97, 3, 4.5951, 92);
        double[] target = d.target().toDoubleArray();
        assertThat(Arrays.copyOf(target, 3)).containsExactly(151, 75, 141);
        assertThat(Arrays.stream(target).min().getAsDouble()).isEqualTo(25);
        assertThat(Arrays.stream(target).max().getAsDouble()).isEqualTo(346);
        assertThat(Diabetes.FEATURE_NAMES).hasSize(Diabetes.FEATURES).startsWith("age", "sex", "bmi", "bp");
    }

    @Test
    void scalesAsScikitLearnDoes() {
        Diabetes d = Diabetes.load(Device.REFERENCE);
        // scikit-learn 1.2: load_diabetes().data[441]
        double[] expected = {-0.04547247794002365, -0.04464163650698914, -0.07303030271641665,
            -0.08141314376144114, 0.08374011738825825, 0.02780892952020801, 0.17381578478910462,
            -0.03949338287409329, -0.00422151393810765, 0.00306440941436849};
        double[] last = row(d.features(), 441);
        for (int j = 0; j < expected.length; j++) {
            assertThat(last[j]).as("column %d", j).isCloseTo(expected[j], within(1e-15));
        }
        double[] means = d.features().mean(0).toDoubleArray();
        double[] norms = d.features().pow(2).sum(0, false).sqrt().toDoubleArray();
        for (int j = 0; j < Diabetes.FEATURES; j++) {
            assertThat(means[j]).as("mean of column %d", j).isCloseTo(0, within(1e-15));
            assertThat(norms[j]).as("norm of column %d", j).isCloseTo(1, within(1e-12));
        }
        assertThat(d.target().toDoubleArray()).containsExactly(Diabetes.loadRaw(Device.REFERENCE).target().toDoubleArray());
    }

    private static double[] row(Tensor features, int index) {
        return features.slice(0, index, index + 1).toDoubleArray();
    }
}
