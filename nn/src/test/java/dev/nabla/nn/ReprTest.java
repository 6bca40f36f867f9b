package dev.nabla.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReprTest {
    @Test
    void writesNumbersAsPythonsRepr() {
        assertThat(Repr.number(1e-5)).isEqualTo("1e-05");
        assertThat(Repr.number(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(Repr.number(1e-4)).isEqualTo("0.0001");
        assertThat(Repr.number(0.1)).isEqualTo("0.1");
        assertThat(Repr.number(1.0)).isEqualTo("1.0");
        assertThat(Repr.number(-2.5)).isEqualTo("-2.5");
        assertThat(Repr.number(100.0)).isEqualTo("100.0");
        assertThat(Repr.number(1e16)).isEqualTo("1e+16");
        assertThat(Repr.number(-1.25e20)).isEqualTo("-1.25e+20");
        assertThat(Repr.number(0.0)).isEqualTo("0.0");
        assertThat(Repr.number(null)).isEqualTo("None");
        assertThat(Repr.number(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Repr.bool(true)).isEqualTo("True");
        assertThat(Repr.tuple(new int[] {4})).isEqualTo("(4,)");
        assertThat(Repr.tuple(new int[] {3, 4})).isEqualTo("(3, 4)");
    }
}
