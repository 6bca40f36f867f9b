package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FillModeTest {
    /** Positions -8..11 of the row "abcd", written as Keras's documentation draws them. */
    private static String row(FillMode mode) {
        StringBuilder s = new StringBuilder();
        for (int i = -8; i < 12; i++) {
            int j = mode.index(i, 4);
            s.append(j < 0 ? 'k' : (char) ('a' + j));
            if (i == -1 || i == 3) {
                s.append('|');
            }
        }
        return s.toString();
    }

    @Test
    void readsOutsideTheImageAsKerasDocumentsThem() {
        assertThat(row(FillMode.CONSTANT)).isEqualTo("kkkkkkkk|abcd|kkkkkkkk");
        assertThat(row(FillMode.NEAREST)).isEqualTo("aaaaaaaa|abcd|dddddddd");
        assertThat(row(FillMode.REFLECT)).isEqualTo("abcddcba|abcd|dcbaabcd");
        assertThat(row(FillMode.WRAP)).isEqualTo("abcdabcd|abcd|abcdabcd");
    }

    @Test
    void aOnePixelAxisAlwaysReadsItsPixel() {
        for (FillMode mode : new FillMode[] {FillMode.NEAREST, FillMode.REFLECT, FillMode.WRAP}) {
            for (int i = -3; i < 4; i++) {
                assertThat(mode.index(i, 1)).isZero();
            }
        }
    }

    @Test
    void parsesKerasNames() {
        assertThat(FillMode.parse("Reflect")).isEqualTo(FillMode.REFLECT);
        assertThat(FillMode.parse(" nearest ")).isEqualTo(FillMode.NEAREST);
        assertThat(FillMode.CONSTANT).hasToString("constant");
        assertThatThrownBy(() -> FillMode.parse("mirror")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill mode: unknown 'mirror', expected one of constant, nearest, reflect, wrap");
    }
}
