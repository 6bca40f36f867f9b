package dev.nabla.autodiff.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormalizeTest {
    private static final double EPS = 1e-5;

    private static Tensor randn(long seed, int... dims) {
        return Tensor.randn(new Rng(seed), Shape.of(dims), DType.F64, Device.REFERENCE);
    }

    @Test
    void normalizesEachChannelWithTheBatchStatisticsThenScalesAndShifts() {
        Tensor x = Tensor.fromArray(new double[] {1, 3, 10, 20, 5, 7, 30, 40}, Shape.of(2, 2, 2), DType.F64,
                Device.REFERENCE);
        Tensor w = Tensor.fromArray(new double[] {2, 1}, Shape.of(2), DType.F64, Device.REFERENCE);
        Tensor b = Tensor.fromArray(new double[] {0.5, -1}, Shape.of(2), DType.F64, Device.REFERENCE);
        BatchNormalize.Result r = BatchNormalize.apply(x, w, b, EPS);
        // channel 0 holds 1, 3, 5, 7 (mean 4, biased variance 5); channel 1 holds 10, 20, 30, 40 (25, 125)
        assertThat(r.mean().toDoubleArray()).containsExactly(4, 25);
        assertThat(r.var().toDoubleArray()).containsExactly(5, 125);
        double s0 = Math.sqrt(5 + EPS);
        double s1 = Math.sqrt(125 + EPS);
        assertThat(r.out().toDoubleArray()).containsExactly(new double[] {
            -3 / s0 * 2 + 0.5, -1 / s0 * 2 + 0.5, -15 / s1 - 1, -5 / s1 - 1,
            1 / s0 * 2 + 0.5, 3 / s0 * 2 + 0.5, 5 / s1 - 1, 15 / s1 - 1}, within(1e-12));
    }

    @Test
    void gradientsPassGradCheckWithAndWithoutAffine() {
        Tensor x = randn(1, 3, 2, 4, 5).requiresGrad(true);
        Tensor w = randn(2, 2).requiresGrad(true);
        Tensor b = randn(3, 2).requiresGrad(true);
        Tensor mix = randn(4, 3, 2, 4, 5);
        GradCheck.verify(in -> BatchNormalize.apply(in.get(0), in.get(1), in.get(2), EPS).out().mul(mix),
                List.of(x, w, b));
        Tensor flat = randn(5, 6, 3).requiresGrad(true);
        Tensor flatMix = randn(6, 6, 3);
        GradCheck.verify(in -> BatchNormalize.apply(in.get(0), null, null, EPS).out().mul(flatMix), List.of(flat));
    }

    @Test
    void theStatisticsAreOutsideTheGraph() {
        Tensor x = randn(7, 4, 3).requiresGrad(true);
        BatchNormalize.Result r = BatchNormalize.apply(x, null, null, EPS);
        assertThat(r.out().requiresGrad()).isTrue();
        assertThat(r.mean().requiresGrad()).isFalse();
        assertThat(r.var().requiresGrad()).isFalse();
        assertThat(r.mean().shape()).isEqualTo(Shape.of(3));
    }

    @Test
    void rejectsAWeightOfAnotherDtypeNamingBoth() {
        Tensor x = randn(8, 4, 3);
        Tensor w = Tensor.ones(Shape.of(3), DType.F32, Device.REFERENCE);
        assertThatThrownBy(() -> BatchNormalize.apply(x, w, w, EPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchNorm: operands have different dtypes, F64 [4, 3] and F32 [3]");
    }
}
