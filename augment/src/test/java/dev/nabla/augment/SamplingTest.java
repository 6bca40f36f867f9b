package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.tensor.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bilinear sampling, the window read and the maps the random transforms draw. */
class SamplingTest {
    @Test
    void halfPixelShiftAveragesNeighbours() {
        HostImage row = new HostImage(new float[] {0, 2, 4, 10}, 1, 1, 4);
        // output x reads input x + 0.5
        HostImage out = Sampler.bilinear(row, Affine.translation(0.5, 0), FillMode.CONSTANT, 100);
        assertThat(out.data()).containsExactly(1, 3, 7, 55);
        out = Sampler.bilinear(row, Affine.translation(0.5, 0), FillMode.NEAREST, 100);
        assertThat(out.data()).containsExactly(1, 3, 7, 10);
    }

    @Test
    void bilinearWeightsBothAxes() {
        HostImage square = new HostImage(new float[] {0, 1, 2, 3}, 1, 2, 2);
        HostImage out = Sampler.bilinear(square, Affine.translation(0.25, 0.5), FillMode.NEAREST, 0);
        // (0.25, 0.5): top 0.25, bottom 2.25, halfway 1.25
        assertThat(out.get(0, 0, 0)).isEqualTo(1.25f);
    }

    @Test
    void anyRotationKeepsAConstantImageConstant() {
        float[] data = new float[3 * 11 * 13];
        Arrays.fill(data, 0.3f);
        HostImage flat = new HostImage(data, 3, 11, 13);
        HostImage out = new RandomRotation(45).apply(flat, new Rng(1));
        for (float v : out.data()) {
            assertThat(v).isEqualTo(0.3f);
        }
    }

    @Test
    void zoomInByTwoSpreadsTheCentre() {
        HostImage row = new HostImage(new float[] {0, 10, 20, 30, 40}, 1, 1, 5);
        // output x reads input 2 + 0.5 (x - 2): 1, 1.5, 2, 2.5, 3
        HostImage out = new RandomZoom(0.5, 0.5).apply(row, new Rng(0));
        assertThat(out.data()).containsExactly(10, 15, 20, 25, 30);
    }

    @Test
    void rotationMovesPointsCounterclockwiseAboutTheCentre() {
        Affine map = Affine.rotation(30, 4, 4);
        // a point right of the centre goes up and stays as far from it
        double x = map.x(5, 4);
        double y = map.y(5, 4);
        assertThat(y).isLessThan(4);
        assertThat(Math.hypot(x - 4, y - 4)).isCloseTo(1, within(1e-12));
        assertThat(Math.toDegrees(Math.atan2(4 - y, x - 4))).isCloseTo(30, within(1e-9));
        Affine back = map.then(map.inverse());
        assertThat(back.x(7, -2)).isCloseTo(7, within(1e-12));
        assertThat(back.y(7, -2)).isCloseTo(-2, within(1e-12));
    }

    @Test
    void drawnParametersCoverTheirRanges() {
        RandomRotation rotation = new RandomRotation(10);
        RandomShift shift = new RandomShift(0.25, 0.5);
        RandomZoom zoom = new RandomZoom(0.8, 1.25);
        Rng rng = new Rng(11);
        double[] angle = {Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] dy = {Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] scale = {Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < 2000; i++) {
            Affine r = rotation.sample(rng, 20, 40);
            track(angle, Math.toDegrees(Math.atan2(-r.d(), r.a())));
            track(dy, shift.sample(rng, 20, 40).f());
            track(scale, 1 / zoom.sample(rng, 20, 40).a());
        }
        assertThat(angle[0]).isBetween(-10.0, -9.9);
        assertThat(angle[1]).isBetween(9.9, 10.0);
        assertThat(dy[0]).isBetween(-10.0, -9.9);   // half of the height 20
        assertThat(dy[1]).isBetween(9.9, 10.0);
        assertThat(scale[0]).isBetween(0.8, 0.81);
        assertThat(scale[1]).isBetween(1.24, 1.25);
    }

    private static void track(double[] minMax, double v) {
        minMax[0] = Math.min(minMax[0], v);
        minMax[1] = Math.max(minMax[1], v);
    }

    @Test
    void cropWithoutPaddingCutsABlockAndWithPaddingShifts() {
        HostImage image = Images.counting(2, 6, 6);
        HostImage block = new RandomCrop(3, 4, 0, FillMode.CONSTANT, 0).apply(image, new Rng(5));
        assertThat(block.shape().dims()).containsExactly(2, 3, 4);
        float first = block.get(0, 0, 0);
        int top = (int) first / 6;
        int left = (int) first % 6;
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    assertThat(block.get(c, y, x)).isEqualTo(image.get(c, top + y, left + x));
                }
            }
        }
        HostImage positive = image.linear(1, 1);
        RandomCrop padded = new RandomCrop(6, 2);
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (long seed = 0; seed < 100; seed++) {
            HostImage out = padded.apply(positive, new Rng(seed));
            assertThat(out.shape().dims()).containsExactly(2, 6, 6);
            fewest = Math.min(fewest, count(out.data(), 0));
            most = Math.max(most, count(out.data(), 0));
        }
        assertThat(fewest).as("a centred crop reads no padding").isZero();
        assertThat(most).as("a corner crop reads 2 rows and 2 columns of padding").isEqualTo(2 * (2 * 6 + 4 * 2));
    }

    private static long count(float[] values, float v) {
        long n = 0;
        for (float x : values) {
            n += x == v ? 1 : 0;
        }
        return n;
    }

    @Test
    void brightnessScalesAndContrastPullsTowardsTheMean() {
        HostImage image = new HostImage(new float[] {0, 1, 2, 5}, 1, 2, 2);
        assertThat(new RandomBrightness(2, 2).apply(image, new Rng(0)).data()).containsExactly(0, 2, 4, 10);
        assertThat(new RandomContrast(0, 0).apply(image, new Rng(0)).data()).containsExactly(2, 2, 2, 2);
        assertThat(new RandomContrast(2, 2).apply(image, new Rng(0)).data()).containsExactly(-2, 0, 2, 8);
        assertThat(new Rescale(0.5).apply(image, new Rng(0)).data()).containsExactly(0, 0.5f, 1, 2.5f);
    }
}
