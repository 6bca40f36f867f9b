package dev.nabla.tests.golden;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import org.junit.jupiter.api.Test;

/** The golden comparison at NaN and infinities: a NaN must meet a NaN, an infinity itself. */
class ClosenessTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void compare(double[] expected, double... actual) {
        Closeness.assertClose("case", new FixtureReader.Stored(new int[] {expected.length}, expected),
                Tensor.fromArray(actual, actual.length), Tolerances.F32_FORWARD);
    }

    @Test
    void nanMeetsNanAndInfinitiesMeetThemselves() {
        assertThatCode(() -> compare(new double[] {NAN, INF, -INF, 0.5}, NAN, INF, -INF, 0.5)).doesNotThrowAnyException();
    }

    @Test
    void nanWhereAValueIsExpectedFails() {
        assertThatThrownBy(() -> compare(new double[] {1, 2}, 1, NAN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("at index [1] expected 2.0, actual NaN");
    }

    @Test
    void aValueWhereNanIsExpectedFails() {
        assertThatThrownBy(() -> compare(new double[] {NAN, 2}, 0, 2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("at index [0] expected NaN, actual 0.0");
    }

    @Test
    void aWrongInfinityFails() {
        assertThatThrownBy(() -> compare(new double[] {INF, -INF}, INF, INF)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("at index [1] expected -Infinity, actual Infinity");
        assertThatThrownBy(() -> compare(new double[] {INF}, Double.MAX_VALUE)).isInstanceOf(AssertionError.class);
    }
}
