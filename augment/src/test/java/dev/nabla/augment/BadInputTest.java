package dev.nabla.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private static void rejects(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsBadParameters() {
        rejects(() -> new RandomRotation(-5), "RandomRotation: degrees must be finite and >= 0, got -5.0");
        rejects(() -> new RandomRotation(Double.NaN), "RandomRotation: degrees must be finite and >= 0, got NaN");
        rejects(() -> new RandomRotation(10, -10, FillMode.CONSTANT, 0),
                "RandomRotation: degrees must be a finite range [lower, upper] with lower <= upper, got [10.0, -10.0]");
        rejects(() -> new RandomRotation(0, 10, FillMode.CONSTANT, Double.NaN),
                "RandomRotation: fill value must be finite, got NaN");
        rejects(() -> new RandomShift(0.1, Double.POSITIVE_INFINITY),
                "RandomShift: height must be finite and >= 0, got Infinity");
        rejects(() -> new RandomShift(1.5, 2, RandomShift.Unit.WHOLE_PIXELS, FillMode.NEAREST, 0),
                "RandomShift: whole-pixel ranges must be integers, got width=1.5 height=2.0");
        rejects(() -> new RandomZoom(0, 1.2), "RandomZoom: factors must be > 0, got [0.0, 1.2]");
        rejects(() -> RandomFlip.horizontal(1.5), "RandomFlip: probability must be in [0, 1], got 1.5");
        rejects(() -> RandomFlip.vertical(Double.NaN), "RandomFlip: probability must be in [0, 1], got NaN");
        rejects(() -> new RandomCrop(0, 2), "RandomCrop: size must be at least 1x1 and padding >= 0, got 0x0 padding 2");
        rejects(() -> new RandomBrightness(-0.5, 1), "RandomBrightness: factors must be >= 0, got [-0.5, 1.0]");
        rejects(() -> new RandomContrast(1, 0.5),
                "RandomContrast: factor must be a finite range [lower, upper] with lower <= upper, got [1.0, 0.5]");
        rejects(() -> new Rescale(Double.NaN), "Rescale: factor must be finite, got NaN");
        assertThatThrownBy(() -> new RandomZoom(0.5, 1, null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessage("RandomZoom: fill mode");
    }

    @Test
    void rejectsImagesTheTransformCannotTake() {
        rejects(() -> new RandomCrop(8, 1).apply(Images.counting(1, 5, 5), new Rng(0)),
                "RandomCrop: a 8x8 crop does not fit in image [1, 5, 5] padded by 1; pad more or crop less");
        rejects(() -> new HostImage(new float[5], 1, 2, 2), "image: shape [1, 2, 2] needs 4 values, got 5");
        rejects(() -> HostImage.zeros(1, 0, 3), "image: sizes must be at least 1, got [1, 0, 3]");
        rejects(() -> new RandomRotation(10).apply(Tensor.zeros(28, 28), new Rng(0)),
                "image: expected a tensor of shape [C, H, W], got [28, 28] (add a channel axis with unsqueeze(0))");
        rejects(() -> new RandomRotation(10).apply(Tensor.zeros(2, 1, 28, 28), new Rng(0)),
                "image: expected a tensor of shape [C, H, W], got [2, 1, 28, 28]");
        rejects(() -> Affine.scaling(0, 1, 0, 0).inverse(),
                "affine: cannot invert a map with determinant 0.0: Affine[a=0.0, b=0.0, c=0.0, d=0.0, e=1.0, f=0.0]");
    }

    @Test
    void tensorsKeepTheirDtypeAndDevice() {
        Tensor image = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, Shape.of(1, 2, 3), DType.F64, Device.REFERENCE);
        Tensor flipped = RandomFlip.horizontal(1).apply(image, new Rng(0));
        assertThat(flipped.dtype()).isEqualTo(DType.F64);
        assertThat(flipped.device()).isEqualTo(Device.REFERENCE);
        assertThat(flipped.shape()).isEqualTo(Shape.of(1, 2, 3));
        assertThat(flipped.toDoubleArray()).containsExactly(3, 2, 1, 6, 5, 4);
        assertThat(flipped.requiresGrad()).isFalse();
    }
}
