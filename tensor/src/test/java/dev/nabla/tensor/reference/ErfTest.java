package dev.nabla.tensor.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErfTest {
    /** erf(x) rounded to double from 40-digit values (mpmath), on both pieces and at the switch. */
    private static final double[][] KNOWN = {
        {1e-300, 1.1283791670955126e-300},
        {1e-08, 1.1283791670955126e-08},
        {0.125, 0.1403162048013338},
        {0.5, 0.5204998778130465},
        {0.75, 0.7111556336535151},
        {0.999999, 0.8427003778418023},
        {1.0, 0.8427007929497149},
        {1.000001, 0.8427012080567972},
        {1.5, 0.9661051464753108},
        {2.0, 0.9953222650189527},
        {2.5, 0.999593047982555},
        {3.0, 0.9999779095030014},
        {4.0, 0.9999999845827421},
        {5.0, 0.9999999999984626},
        {5.8, 0.9999999999999998},
        {5.9, 0.9999999999999999},
    };

    @Test
    void withinAnUlpOfKnownValuesAndOdd() {
        for (double[] k : KNOWN) {
            double ulps = Math.abs(Erf.erf(k[0]) - k[1]) / Math.ulp(k[1]);
            assertThat(ulps).as("ulps from the rounded erf(%s)", k[0]).isLessThanOrEqualTo(1.0);
            assertThat(Erf.erf(-k[0])).as("erf(-%s)", k[0]).isEqualTo(-Erf.erf(k[0]));
        }
    }

    @Test
    void specialValues() {
        assertThat(Erf.erf(0.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Erf.erf(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Erf.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Erf.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Erf.erf(Double.NaN)).isNaN();
        assertThat(Erf.erf(6.0)).isEqualTo(1.0);
        assertThat(Erf.erf(-Double.MAX_VALUE)).isEqualTo(-1.0);
    }

    @Test
    void increasesMonotonicallyAcrossBothPieces() {
        double previous = -1;
        for (double x = -6.5; x <= 6.5; x += 1e-4) {
            double y = Erf.erf(x);
            assertThat(y).as("erf(%s)", x).isGreaterThanOrEqualTo(previous);
            previous = y;
        }
    }
}
