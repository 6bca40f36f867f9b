package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import org.junit.jupiter.api.Test;

class TwoMoonsTest {
    @Test
    void noiselessPointsLieOnTheirArcs() {
        TwoMoons m = TwoMoons.generate(101, 0, new Rng(3), DType.F64, Device.REFERENCE);
        assertThat(m.features().shape()).isEqualTo(Shape.of(101, 2));
        double[] xy = m.features().toDoubleArray();
        double[] y = m.labels().toDoubleArray();
        int ones = 0;
        for (int i = 0; i < y.length; i++) {
            double cx = y[i] == 0 ? 0 : 1;
            double cy = y[i] == 0 ? 0 : 0.5;
            double radius = Math.hypot(xy[2 * i] - cx, xy[2 * i + 1] - cy);
            assertThat(radius).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            ones += (int) y[i];
        }
        assertThat(ones).isEqualTo(51);
    }

    @Test
    void sameSeedSameData() {
        TwoMoons a = TwoMoons.generate(50, 0.1, new Rng(7), DType.F32, Device.REFERENCE);
        TwoMoons b = TwoMoons.generate(50, 0.1, new Rng(7), DType.F32, Device.REFERENCE);
        assertThat(a.features().toFloatArray()).containsExactly(b.features().toFloatArray());
        assertThat(a.labels().toFloatArray()).containsExactly(b.labels().toFloatArray());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TwoMoons.generate(1, 0, new Rng(0), DType.F32, Device.REFERENCE))
                .hasMessageContaining("at least 2 samples");
        assertThatThrownBy(() -> TwoMoons.generate(10, Double.NaN, new Rng(0), DType.F32, Device.REFERENCE))
                .hasMessageContaining("noise must be finite");
    }
}
