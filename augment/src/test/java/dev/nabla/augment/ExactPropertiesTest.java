package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Properties that hold bit for bit, whatever the interpolation. */
class ExactPropertiesTest {
    private static HostImage rotate(HostImage image, double degrees, FillMode fill) {
        return new RandomRotation(degrees, degrees, fill, 0).apply(image, new Rng(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8})
    void quarterTurnCounterclockwiseIsATransposeThenAVerticalFlip(int size) {
        HostImage image = Images.random(size, 3, size, size);
        HostImage turned = rotate(image, 90, FillMode.CONSTANT);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    // numpy.rot90(m) == m.T[::-1]: the right column becomes the top row
                    assertThat(turned.get(c, y, x)).isEqualTo(image.get(c, x, size - 1 - y));
                }
            }
        }
    }

    @Test
    void quarterTurnsCompose() {
        HostImage image = Images.random(3, 2, 6, 6);
        HostImage once = rotate(image, -90, FillMode.REFLECT);
        assertThat(rotate(image, 270, FillMode.REFLECT).data()).containsExactly(once.data());
        HostImage twice = rotate(rotate(image, 90, FillMode.NEAREST), 90, FillMode.NEAREST);
        assertThat(rotate(image, 180, FillMode.NEAREST).data()).containsExactly(twice.data());
        assertThat(rotate(twice, 180, FillMode.WRAP).data()).containsExactly(image.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSTANT", "NEAREST", "REFLECT", "WRAP"})
    void wholePixelShiftIsARollWithFill(String name) {
        FillMode fill = FillMode.valueOf(name);
        HostImage image = Images.counting(2, 5, 7);
        RandomShift shift = new RandomShift(4, 3, RandomShift.Unit.WHOLE_PIXELS, fill, -1);
        for (long seed = 0; seed < 20; seed++) {
            Affine map = shift.sample(new Rng(seed), 5, 7);
            int dx = (int) map.c();
            int dy = (int) map.f();
            assertThat((double) dx).isEqualTo(map.c());
            assertThat((double) dy).isEqualTo(map.f());
            assertThat(dx).isBetween(-4, 4);
            assertThat(dy).isBetween(-3, 3);
            HostImage shifted = shift.apply(image, new Rng(seed));
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < 7; x++) {
                        assertThat(shifted.get(c, y, x)).as("seed %d (%d, %d, %d)", seed, c, y, x)
                                .isEqualTo(rolled(image, c, y - dy, x - dx, fill));
                    }
                }
            }
        }
    }

    /** The value a roll with fill reads, written per mode without FillMode.index. */
    private static float rolled(HostImage image, int c, int y, int x, FillMode fill) {
        int h = image.height();
        int w = image.width();
        boolean inside = y >= 0 && y < h && x >= 0 && x < w;
        return switch (fill) {
            case CONSTANT -> inside ? image.get(c, y, x) : -1;
            case NEAREST -> image.get(c, Math.min(h - 1, Math.max(0, y)), Math.min(w - 1, Math.max(0, x)));
            case WRAP -> image.get(c, (y + h) % h, (x + w) % w);
            case REFLECT -> image.get(c, y < 0 ? -1 - y : y >= h ? 2 * h - 1 - y : y,
                    x < 0 ? -1 - x : x >= w ? 2 * w - 1 - x : x);
        };
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        HostImage image = Images.random(1, 3, 5, 6);
        for (RandomFlip flip : List.of(RandomFlip.horizontal(1), RandomFlip.vertical(1))) {
            HostImage once = flip.apply(image, new Rng(1));
            assertThat(once.data()).isNotEqualTo(image.data());
            assertThat(flip.apply(once, new Rng(2)).data()).containsExactly(image.data());
        }
    }

    @Test
    void flipsMirrorTheRightAxis() {
        HostImage image = Images.counting(1, 2, 3);   // 0 1 2 / 3 4 5
        assertThat(RandomFlip.horizontal(1).apply(image, new Rng(0)).data()).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(RandomFlip.vertical(1).apply(image, new Rng(0)).data()).containsExactly(3, 4, 5, 0, 1, 2);
        assertThat(RandomFlip.horizontal(0).apply(image, new Rng(0)).data()).containsExactly(image.data());
    }

    @Test
    void zeroRangesChangeNothing() {
        HostImage image = Images.random(4, 3, 9, 8);
        List<ImageTransform> identities = List.of(
                new RandomRotation(0),
                new RandomShift(0, 0),
                new RandomShift(0, 0, RandomShift.Unit.WHOLE_PIXELS, FillMode.CONSTANT, 0),
                new RandomZoom(1, 1),
                new RandomCrop(9, 8, 0, FillMode.CONSTANT, 0),
                new RandomBrightness(1, 1),
                new RandomContrast(1, 1),
                new RandomAffine(List.of(new RandomRotation(0), new RandomZoom(1, 1)), FillMode.REFLECT, 0),
                RandomFlip.vertical(0),
                new Rescale(1),
                Compose.of());
        for (ImageTransform t : identities) {
            HostImage out = t.apply(image, new Rng(9));
            assertThat(out.data()).as("%s", t).containsExactly(image.data());
            assertThat(out.data()).as("%s returns a new array", t).isNotSameAs(image.data());
        }
    }

    @Test
    void theSameSeedGivesTheSameOutputAndTheInputIsUntouched() {
        HostImage image = Images.random(5, 3, 12, 10);
        float[] original = image.data().clone();
        ImageTransform all = Compose.of(
                new RandomAffine(List.of(new RandomRotation(30), new RandomShift(0.2, 0.1), new RandomZoom(0.8, 1.2)),
                        FillMode.REFLECT, 0),
                new RandomCrop(12, 10, 2, FillMode.WRAP, 0),
                RandomFlip.horizontal(0.5), RandomFlip.vertical(0.5),
                new RandomBrightness(0.5, 1.5), new RandomContrast(0.5, 1.5));
        float[] first = all.apply(image, new Rng(77)).data();
        assertThat(all.apply(image, new Rng(77)).data()).containsExactly(first);
        assertThat(all.apply(image, new Rng(78)).data()).isNotEqualTo(first);
        assertThat(image.data()).containsExactly(original);
    }

    @Test
    void aFusedAffineEqualsItsPartsAppliedInTurnForWholePixelMaps() {
        HostImage image = Images.random(6, 2, 8, 8);
        GeometricTransform turn = new RandomRotation(90, 90, FillMode.CONSTANT, 0);
        GeometricTransform shift = new RandomShift(2, 2, RandomShift.Unit.WHOLE_PIXELS, FillMode.CONSTANT, 0);
        HostImage fused = new RandomAffine(List.of(turn, shift), FillMode.CONSTANT, 0).apply(image, new Rng(3));
        Rng rng = new Rng(3);
        HostImage stepwise = shift.apply(turn.apply(image, rng), rng);
        assertThat(fused.data()).containsExactly(stepwise.data());
    }
}
